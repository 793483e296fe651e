package com.luckify.notification;

import java.time.Instant;

/** A notice that exhausted its retries: to whom, about what, why it failed, and whether a retry got it out. */
public record DeadLetter(long id, long userId, String kind, String reference, String error, Instant createTime,
        Instant retriedTime, boolean resolved) {
}
