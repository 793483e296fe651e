package com.luckify.report;

/** The reports there are, each with its template and the file name it is downloaded as. */
public enum ReportType {
    DRAW_AUDIT("draw-audit"),
    PRIZE_FINANCE("prize-report"),
    RECONCILIATION("reconciliation"),
    POINTS_LIABILITY("points-liability");

    private final String template;

    ReportType(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }

    public String fileStem() {
        return template;
    }
}
