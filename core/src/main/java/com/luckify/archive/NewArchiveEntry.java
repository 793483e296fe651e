package com.luckify.archive;

import java.time.LocalDate;

/** A report about to be generated: what, in which format, for which period, asked by whom (null: a schedule). */
public record NewArchiveEntry(String reportType, String format, String paramsJson, LocalDate periodStart,
        LocalDate periodEnd, Long requestedByStaffId, Long jobExecutionId) {
}
