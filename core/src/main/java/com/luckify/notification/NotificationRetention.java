package com.luckify.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes notification logs created before a given time, with their resolved dead letters. A log with a dead
 * letter still open stays, dead letter and all, until staff retry it or it is resolved: it is work a person may
 * still do. A log's row is also what makes a notice go out at most once (unique per user, kind, reference and
 * day), so the age must stay well beyond the days any job may still notify about (reminders are for today, a
 * draw's notices follow its draw).
 */
@Component
public class NotificationRetention {

    private final NotificationRetentionMapper logs;

    NotificationRetention(NotificationRetentionMapper logs) {
        this.logs = logs;
    }

    /**
     * The highest id created before {@code before}, 0 if none: every log old enough lies at or below it, so the
     * pages stop there instead of reading on through the recent logs.
     */
    public long lastCreatedBefore(Instant before) {
        return logs.lastCreatedBefore(before);
    }

    /** Up to {@code limit} ids of removable logs after {@code afterId} and up to {@code upToId}, in id order. */
    public List<Long> expiredAfter(long afterId, long upToId, Instant before, int limit) {
        return logs.expiredAfter(afterId, upToId, before, limit);
    }

    /**
     * Removes those of {@code ids} that are still removable (checked again under lock) and their resolved dead
     * letters; returns how many logs went. Joins the caller's transaction (a job's chunk).
     */
    @Transactional
    public int delete(List<Long> ids, Instant before) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> removable = logs.lockExpired(ids, before);
        if (removable.isEmpty()) {
            return 0;
        }
        logs.deleteDeadLetters(removable);
        return logs.deleteLogs(removable);
    }
}
