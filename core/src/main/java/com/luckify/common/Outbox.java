package com.luckify.common;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a domain event in {@code outbox_event} inside the caller's transaction: the event exists if and
 * only if the change it describes committed. Calling it outside a transaction is a bug, hence MANDATORY. Each event
 * keeps the W3C trace context it was recorded in ({@link EventTracing}), so its consumers continue that trace.
 */
@Component
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboxMapper events;
    private final EventTracing tracing;

    Outbox(OutboxMapper events, EventTracing tracing) {
        this.events = events;
        this.tracing = tracing;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String eventType, String aggregateType, long aggregateId, Map<String, Object> payload) {
        recordAll(List.of(new Event(eventType, aggregateType, aggregateId, payload)));
    }

    /** Several events in one statement, in this order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Event> batch) {
        if (!batch.isEmpty()) {
            EventTrace current = tracing.current();
            events.insertAll(batch.stream().map(event -> {
                EventTrace trace = event.trace() != null ? event.trace() : current;
                return new OutboxMapper.NewEvent(event.eventType(), event.aggregateType(), event.aggregateId(),
                        JSON.writeValueAsString(event.payload()), trace.traceParent(), trace.traceState());
            }).toList());
        }
    }

    /**
     * A domain event to record. {@code trace} is the context of the request it comes from, for events written on
     * another thread than the request's (a group commit's writer); null means the span current when it is recorded.
     */
    public record Event(String eventType, String aggregateType, long aggregateId, Map<String, Object> payload,
            EventTrace trace) {

        public Event(String eventType, String aggregateType, long aggregateId, Map<String, Object> payload) {
            this(eventType, aggregateType, aggregateId, payload, null);
        }
    }
}
