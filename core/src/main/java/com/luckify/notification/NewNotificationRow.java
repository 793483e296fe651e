package com.luckify.notification;

import java.time.LocalDate;

/** A notice claimed in {@code notification_log}; MyBatis fills in the id. */
final class NewNotificationRow {

    Long id;
    final long userId;
    final String kind;
    final String reference;
    final LocalDate day;
    final String templateId;
    final String payload;

    NewNotificationRow(Notice notice, String templateId, String payload) {
        this.userId = notice.userId();
        this.kind = notice.kind().name();
        this.reference = notice.reference();
        this.day = notice.day();
        this.templateId = templateId;
        this.payload = payload;
    }
}
