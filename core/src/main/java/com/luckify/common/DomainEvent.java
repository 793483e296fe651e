package com.luckify.common;

import java.time.Instant;
import java.util.Map;

/** An event from the outbox as consumers see it: what happened, to what, when, with its JSON payload. */
public record DomainEvent(long id, String type, String aggregateType, long aggregateId, Map<String, Object> payload,
        Instant occurredAt) {

    public long longValue(String key) {
        Object value = payload.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("event " + id + " (" + type + ") has no number '" + key + "'");
        }
        return number.longValue();
    }
}
