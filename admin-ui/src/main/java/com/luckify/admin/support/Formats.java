package com.luckify.admin.support;

import com.luckify.common.BusinessCalendar;
import com.luckify.user.UserSummary;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as staff read them, in the business time zone (templates call {@code @fmt.time(...)}). Batch's tables
 * hold UTC wall times (the JDBC session is UTC), so those are converted as well.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BusinessCalendar calendar;

    Formats(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(calendar.zone()));
    }

    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(calendar.zone()));
    }

    public String batchTime(LocalDateTime utc) {
        return utc == null ? "" : SECONDS.format(utc.toInstant(ZoneOffset.UTC).atZone(calendar.zone()));
    }

    /** What the browser's datetime-local input shows for an instant. */
    public String inputTime(Instant instant) {
        return instant == null ? "" : instant.atZone(calendar.zone()).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    public String zone() {
        return calendar.zone().getId();
    }

    /** Staff see mobiles in full only on the user's own page (administrators only); lists show them masked. */
    public String maskedMobile(UserSummary user) {
        return mask(user.mobile());
    }

    /** {@code 13800138000} as {@code 138****8000}; too short a number is shown as it is. */
    public static String mask(String mobile) {
        return mobile == null || mobile.length() < 7 ? (mobile == null ? "" : mobile)
                : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
