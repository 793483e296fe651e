package com.luckify.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who listens to which outbox events. The catalogue is fixed here, not gathered from the handler beans, because
 * the relay in one process must address the subscriptions of handlers that live in other processes (a
 * worker-only process relays {@code DrawCompleted} to the batch processes). Each subscription is one Redis queue
 * and one {@code event_delivery} row per event.
 */
public enum Subscription {

    /** Task progress from joins and created lotteries (check-in feature, worker role). */
    TASK_PROGRESS("task-progress", Set.of("LotteryJoined", "LotteryCreated")),
    /** A by-count lottery is full: draw it now (batch role). */
    DRAW_ON_THRESHOLD("draw-on-threshold", Set.of("JoinThresholdReached")),
    /** A draw is recorded: tell its winners and participants (batch role). */
    DRAW_RESULT_NOTICE("draw-result-notice", Set.of("DrawCompleted")),
    /** Staff cancelled a lottery: tell its participants (lottery feature, worker role). */
    CANCELLATION_NOTICE("cancellation-notice", Set.of("LotteryCancelled"));

    private final String key;
    private final Set<String> eventTypes;

    Subscription(String key, Set<String> eventTypes) {
        this.key = key;
        this.eventTypes = eventTypes;
    }

    /** The name in {@code event_delivery} and in the Redis queue's key. */
    public String key() {
        return key;
    }

    public static Optional<Subscription> byKey(String key) {
        return Arrays.stream(values()).filter(subscription -> subscription.key.equals(key)).findFirst();
    }

    /** The event types this subscription listens to. */
    public Set<String> eventTypes() {
        return eventTypes;
    }

    public boolean wants(String eventType) {
        return eventTypes.contains(eventType);
    }
}
