package com.luckify.report;

import com.luckify.common.ActionRefused;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to report on: a lottery (draw audit), a reconciliation run, or a period of business days {@code from} to
 * {@code to} inclusive (prize and points reports).
 */
public record ReportRequest(ReportType type, ReportFormat format, Long lotteryId, String runId, LocalDate from,
        LocalDate to) {

    /** A year at most: longer periods belong in several reports. */
    public static final int MAX_PERIOD_DAYS = 366;

    public static ReportRequest drawAudit(long lotteryId, ReportFormat format) {
        return new ReportRequest(ReportType.DRAW_AUDIT, format, lotteryId, null, null, null);
    }

    public static ReportRequest reconciliation(String runId, ReportFormat format) {
        return new ReportRequest(ReportType.RECONCILIATION, format, null, runId, null, null);
    }

    public static ReportRequest period(ReportType type, LocalDate from, LocalDate to, ReportFormat format) {
        return new ReportRequest(type, format, null, null, from, to);
    }

    /** Refuses a request that lacks what its report needs. */
    public ReportRequest validated() {
        if (type == null || format == null) {
            throw ActionRefused.of("report.invalid", "a report type and a format are needed");
        }
        switch (type) {
            case DRAW_AUDIT -> {
                if (lotteryId == null || lotteryId <= 0) {
                    throw ActionRefused.of("report.lottery-required", "the draw audit is about one lottery");
                }
            }
            case RECONCILIATION -> {
                if (runId == null || runId.isBlank()) {
                    throw ActionRefused.of("report.run-required", "the reconciliation report is about one run");
                }
            }
            default -> {
                if (from == null || to == null || to.isBefore(from)
                        || ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
                    throw ActionRefused.of("report.period-invalid", "a period of 1 to " + MAX_PERIOD_DAYS + " days");
                }
            }
        }
        return this;
    }

    public String fileName() {
        String subject = switch (type) {
            case DRAW_AUDIT -> "lottery-" + lotteryId;
            case RECONCILIATION -> "run-" + runId.replaceAll("[^A-Za-z0-9-]", "");
            default -> from + "_" + to;
        };
        return type.fileStem() + "-" + subject + "." + format.extension();
    }
}
