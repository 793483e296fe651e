package com.luckify.report;

/** The reports there are; each one's name is its template's ({@code reports/<name>.jrxml}) and its files'. */
public enum ReportType {
    DRAW_AUDIT("draw-audit"),
    PRIZE_FINANCE("prize-report"),
    RECONCILIATION("reconciliation"),
    POINTS_LIABILITY("points-liability");

    private final String fileStem;

    ReportType(String fileStem) {
        this.fileStem = fileStem;
    }

    public String fileStem() {
        return fileStem;
    }
}
