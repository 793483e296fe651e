package com.luckify.common;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes outbox events that every subscription has handled, with their {@code event_delivery} rows, once they
 * were relayed before a given time. An event not relayed yet, or with a delivery still undone (waiting, being
 * retried, or set aside as a dead letter), is never removed: it is the only record of work still owed. A
 * consumer that receives a removed event's id again (a late duplicate from Redis) finds no undone delivery
 * and does nothing, as for any handled event.
 */
@Component
public class OutboxRetention {

    private final OutboxRetentionMapper events;

    OutboxRetention(OutboxRetentionMapper events) {
        this.events = events;
    }

    /**
     * The highest id relayed before {@code before}, 0 if none: every event old enough lies at or below it, so the
     * pages stop there instead of reading on through the recent events.
     */
    public long lastRelayedBefore(Instant before) {
        return events.lastRelayedBefore(before);
    }

    /** Up to {@code limit} ids of removable events after {@code afterId} and up to {@code upToId}, in id order. */
    public List<Long> handledAfter(long afterId, long upToId, Instant before, int limit) {
        return events.handledAfter(afterId, upToId, before, limit);
    }

    /**
     * Removes those of {@code ids} that are still removable (checked again under lock) and their deliveries;
     * returns how many events went. Joins the caller's transaction (a job's chunk).
     */
    @Transactional
    public int delete(List<Long> ids, Instant before) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> removable = events.lockHandled(ids, before);
        if (removable.isEmpty()) {
            return 0;
        }
        events.deleteDeliveries(removable);
        return events.deleteEvents(removable);
    }
}
