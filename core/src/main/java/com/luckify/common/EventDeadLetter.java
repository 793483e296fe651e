package com.luckify.common;

import java.time.Instant;

/**
 * An event delivery that ran out of attempts: which consumer gave up on which event (its type and aggregate), after
 * how many failures, the last error, when it last failed and when the event happened.
 */
public record EventDeadLetter(String subscription, long eventId, String eventType, String aggregateType,
        long aggregateId, int attempts, String lastError, Instant failedTime, Instant occurredTime) {

    public EventDeliveryKey key() {
        return new EventDeliveryKey(subscription, eventId);
    }
}
