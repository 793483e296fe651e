package com.luckify.notification;

import java.time.LocalDate;
import java.util.Map;

/**
 * A message for one user: its kind, what it is about ({@code reference}, e.g. a lottery id), the business
 * day it belongs to, the mini-program page it opens and the template's data. A user gets at most one notice
 * per (kind, reference, day).
 */
public record Notice(long userId, NotificationKind kind, String reference, LocalDate day, String page,
        Map<String, String> data) {
}
