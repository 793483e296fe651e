package com.luckify.archive;

import java.time.Instant;
import java.time.LocalDate;

/** One archived report; {@code objectKey}, {@code size} and {@code sha256} are set once it is READY. */
public record ArchivedReport(long id, Instant createTime, String reportType, String format, String paramsJson,
        LocalDate periodStart, LocalDate periodEnd, String state, String objectKey, Long size, String sha256,
        Long requestedByStaffId, Long jobExecutionId, String error) {

    public boolean ready() {
        return "READY".equals(state);
    }
}
