package com.luckify.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event deliveries that ran out of attempts ({@code luckify.events.max-attempts} failures, see
 * {@link OutboxRelay}): listed, inspected, and put back for their consumer to run again. Putting back only makes
 * the delivery due: the relay of a worker sends it at its next poll, and the consumer handles it as any other
 * (consumers are idempotent on the event id: a transactional one marks it done in its own transaction, the others
 * skip what they did already). A dead letter done or put back meanwhile is never touched again.
 */
@Component
public class EventDeadLetters {

    /** At most this many dead letters are put back by one "retry all" (the rest by the next one). */
    public static final int RETRY_ALL_LIMIT = 500;
    /** At most this many selected dead letters per retry: a page's worth. */
    public static final int RETRY_SELECTED_LIMIT = Paged.MAX_SIZE;

    private final EventDeadLetterMapper deadLetters;
    private final int maxAttempts;

    EventDeadLetters(EventDeadLetterMapper deadLetters, @Value("${luckify.events.max-attempts:10}") int maxAttempts) {
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
    }

    /** A page of dead letters, newest failure first; a null or blank filter matches all. */
    public Paged<EventDeadLetter> page(String subscription, String eventType, int page, int size) {
        String consumer = blankToNull(subscription);
        String type = blankToNull(eventType);
        return Paged.fetch(page, size, (offset, limit) -> deadLetters.page(consumer, type, maxAttempts, offset, limit),
                () -> deadLetters.count(consumer, type, maxAttempts));
    }

    /** The delivery with its event, in whatever state it is now. */
    public Optional<EventDeliveryDetail> find(EventDeliveryKey key) {
        return Optional.ofNullable(deadLetters.find(key.subscription(), key.eventId(), maxAttempts));
    }

    /**
     * Puts back those of {@code keys} that are still dead letters; returns them as they were. Joins the caller's
     * transaction, so an audit entry written there commits with the change.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<EventDeadLetter> putBack(Collection<EventDeliveryKey> keys) {
        if (keys.isEmpty()) {
            throw ActionRefused.of("event-dead-letters.none-selected", "no dead letter selected");
        }
        List<EventDeliveryKey> distinct = keys.stream().distinct().toList();
        if (distinct.size() > RETRY_SELECTED_LIMIT) {
            throw ActionRefused.of("event-dead-letters.too-many", "at most " + RETRY_SELECTED_LIMIT + " at once");
        }
        return putBackLocked(deadLetters.lockDead(distinct, maxAttempts));
    }

    /** Puts back up to {@link #RETRY_ALL_LIMIT} dead letters matching the filter; returns them as they were. */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<EventDeadLetter> putBackMatching(String subscription, String eventType) {
        return putBackLocked(deadLetters.lockDeadMatching(blankToNull(subscription), blankToNull(eventType), maxAttempts,
                RETRY_ALL_LIMIT));
    }

    /** How many dead letters match the filter. */
    public long count(String subscription, String eventType) {
        return deadLetters.count(blankToNull(subscription), blankToNull(eventType), maxAttempts);
    }

    /** The consumers a delivery can belong to, for the filter's choices. */
    public List<String> subscriptions() {
        return Arrays.stream(Subscription.values()).map(Subscription::key).toList();
    }

    /** The event types some consumer listens to, for the filter's choices. */
    public List<String> eventTypes() {
        return List.copyOf(new TreeSet<>(Arrays.stream(Subscription.values())
                .flatMap(subscription -> subscription.eventTypes().stream()).toList()));
    }

    private List<EventDeadLetter> putBackLocked(List<EventDeadLetter> locked) {
        // locked above: the guarded update cannot miss, but it still states the rule it enforces
        return locked.stream().filter(letter -> deadLetters.putBack(letter.subscription(), letter.eventId(),
                maxAttempts) == 1).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
