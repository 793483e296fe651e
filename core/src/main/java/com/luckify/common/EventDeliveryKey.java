package com.luckify.common;

/**
 * Names one {@code event_delivery} row: the consumer (subscription key) and the event. Written
 * {@code subscription:eventId} where a single value is needed (a checkbox, an audit target).
 */
public record EventDeliveryKey(String subscription, long eventId) {

    /** Longer than any subscription key; {@code event_delivery.subscription} is VARCHAR(64). */
    public static final int MAX_SUBSCRIPTION_LENGTH = 64;

    public EventDeliveryKey {
        if (subscription == null || subscription.isBlank() || subscription.length() > MAX_SUBSCRIPTION_LENGTH) {
            throw ActionRefused.of("event-dead-letters.bad-key", "not a consumer: " + subscription);
        }
    }

    /** Reads {@code subscription:eventId}; anything else is refused as a bad key. */
    public static EventDeliveryKey parse(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0) {
            throw ActionRefused.of("event-dead-letters.bad-key", "not a delivery: " + value);
        }
        try {
            return new EventDeliveryKey(value.substring(0, colon), Long.parseLong(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw ActionRefused.of("event-dead-letters.bad-key", "not a delivery: " + value);
        }
    }

    @Override
    public String toString() {
        return subscription + ":" + eventId;
    }
}
