package com.luckify.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How many of something happened on one business day (dashboard figures). */
public record DailyCount(LocalDate day, long count) {

    /** Counts grouped by business day between two instants; the SQL shifts UTC times by {@code offsetSeconds}. */
    @FunctionalInterface
    public interface Query {
        List<DailyCount> counts(Instant from, Instant to, int offsetSeconds);
    }
}
