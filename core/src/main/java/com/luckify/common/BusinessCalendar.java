package com.luckify.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The instant a business day begins. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The zone's offset from UTC at {@code at}, for SQL that groups UTC times by business day. Exact for zones
     * without daylight saving (Asia/Shanghai); elsewhere days next to a switch are off by an hour.
     */
    public int offsetSeconds(Instant at) {
        return zone.getRules().getOffset(at).getTotalSeconds();
    }

    /** Counts per business day from {@code from} to today, in order, days without any as zero. */
    public Map<LocalDate, Long> perDaySince(LocalDate from, DailyCount.Query query) {
        LocalDate today = today();
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.put(day, 0L);
        }
        for (DailyCount count : query.counts(startOf(from), startOf(today.plusDays(1)), offsetSeconds(clock.instant()))) {
            days.computeIfPresent(count.day(), (day, zero) -> count.count());
        }
        return days;
    }

    /** The ISO week of a business day, e.g. {@code 2026-W48}. */
    public static String weekKey(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
