package com.luckify.common;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a domain event in {@code outbox_event} inside the caller's transaction: the event exists if and
 * only if the change it describes committed. Calling it outside a transaction is a bug, hence MANDATORY.
 */
@Component
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxMapper events;

    Outbox(OutboxMapper events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String eventType, String aggregateType, long aggregateId, Map<String, Object> payload) {
        recordAll(List.of(new Event(eventType, aggregateType, aggregateId, payload)));
    }

    /** Several events in one statement, in this order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Event> batch) {
        if (!batch.isEmpty()) {
            events.insertAll(batch.stream().map(event -> new OutboxMapper.NewEvent(event.eventType(),
                    event.aggregateType(), event.aggregateId(), JSON.writeValueAsString(event.payload()))).toList());
        }
    }

    /** A domain event to record. */
    public record Event(String eventType, String aggregateType, long aggregateId, Map<String, Object> payload) {
    }
}
