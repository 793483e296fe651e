package com.luckify.notification;

/** What a notification is about; each kind has its own WeChat subscribe-message template. */
public enum NotificationKind {
    CHECKIN_REMINDER,
    DRAW_RESULT,
    CLAIM_DEADLINE,
    LOTTERY_CANCELLED
}
