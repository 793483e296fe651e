package com.luckify.common;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One delivery as the inspect view shows it, in whatever state it is now: set aside (a dead letter), back in the
 * queue after a retry, or done. The payload is the event's JSON as stored.
 */
public record EventDeliveryDetail(String subscription, long eventId, String eventType, String aggregateType,
        long aggregateId, String payload, int attempts, String lastError, Instant relayTime, Instant occurredTime,
        Instant doneTime, String doneBy, boolean dead) {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public EventDeliveryKey key() {
        return new EventDeliveryKey(subscription, eventId);
    }

    public boolean done() {
        return doneTime != null;
    }

    /** The payload indented for reading; as stored if it is not JSON. */
    public String prettyPayload() {
        if (payload == null) {
            return "";
        }
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(payload));
        } catch (JacksonException e) {
            return payload;
        }
    }
}
