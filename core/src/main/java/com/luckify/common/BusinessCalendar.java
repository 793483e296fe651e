package com.luckify.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business days and weeks in the business time zone ({@code luckify.business.time-zone}, default
 * Asia/Shanghai), whatever zone the JVM or the database runs in: a user's "today" flips at local midnight.
 */
@Component
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    BusinessCalendar(Clock clock, @Value("${luckify.business.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The ISO week of a business day, e.g. {@code 2026-W48}. */
    public static String weekKey(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
