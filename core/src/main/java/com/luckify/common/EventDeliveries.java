package com.luckify.common;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving end of the event flows: hands the events of a message to this process's handler of the
 * subscription and records them done in {@code event_delivery}. A duplicate message (the relay sends again what
 * looks lost) finds its deliveries done, or locked by the consumer busy with them, and does nothing.
 */
@Component
public class EventDeliveries {

    private static final Logger log = LoggerFactory.getLogger(EventDeliveries.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    private final EventDeliveryMapper deliveries;
    private final EventTracing tracing;
    private final Map<Subscription, DomainEventHandler> handlers = new EnumMap<>(Subscription.class);
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final String instance;
    private final BusinessMetrics metrics;

    EventDeliveries(EventDeliveryMapper deliveries, EventTracing tracing, List<DomainEventHandler> handlers,
            TransactionTemplate tx, @Value("${luckify.events.max-attempts:10}") int maxAttempts,
            @Value("${luckify.instance-name:}") String instanceName, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.tracing = tracing;
        // READ COMMITTED: under REPEATABLE READ, marking a batch done locks the record after its last event too,
        // which the relay is inserting the next deliveries behind; the two deadlocked under load. The handlers
        // lock rows by key only, so they need no gap locks either.
        this.tx = new TransactionTemplate(tx.getTransactionManager(), tx);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.maxAttempts = maxAttempts;
        this.instance = instanceName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceName;
        for (DomainEventHandler handler : handlers) {
            DomainEventHandler twin = this.handlers.put(handler.subscription(), handler);
            if (twin != null) {
                throw new IllegalStateException(handler.subscription() + " has two handlers: " + twin + ", " + handler);
            }
        }
    }

    /** The subscriptions this process consumes: those it has a handler for. */
    public Set<Subscription> local() {
        return handlers.keySet();
    }

    /** Handles what is still undone of these events; never throws, failures are recorded on the deliveries. */
    public void consume(Subscription subscription, List<Long> eventIds) {
        DomainEventHandler handler = handlers.get(subscription);
        if (handler == null || eventIds.isEmpty()) {
            return;
        }
        if (!handler.transactional()) {
            deliveries.undone(subscription.key(), eventIds, maxAttempts)
                    .forEach(id -> consumeOutsideTransaction(handler, id));
            return;
        }
        try {
            inTransaction(handler, eventIds);
        } catch (RuntimeException failure) {
            if (eventIds.size() == 1) {
                recordFailure(subscription, eventIds.get(0), failure);
                return;
            }
            // one bad event must not hold back the others of its message: each on its own
            for (long id : eventIds) {
                try {
                    inTransaction(handler, List.of(id));
                } catch (RuntimeException e) {
                    recordFailure(subscription, id, e);
                }
            }
        }
    }

    private void inTransaction(DomainEventHandler handler, List<Long> eventIds) {
        String key = handler.subscription().key();
        tx.executeWithoutResult(status -> {
            List<Long> undone = deliveries.lockUndone(key, eventIds, maxAttempts);
            if (!undone.isEmpty()) {
                handle(handler, deliveries.events(undone));
                deliveries.markDone(key, undone, instance);
                AfterCommit.run(() -> metrics.eventDeliveries("delivered", undone.size()));
            }
        });
    }

    private void consumeOutsideTransaction(DomainEventHandler handler, long eventId) {
        try {
            handle(handler, deliveries.events(List.of(eventId)));
            deliveries.markDone(handler.subscription().key(), List.of(eventId), instance);
            metrics.eventDeliveries("delivered", 1);
        } catch (RuntimeException e) {
            recordFailure(handler.subscription(), eventId, e);
        }
    }

    private void recordFailure(Subscription subscription, long eventId, RuntimeException failure) {
        if (failure instanceof EventDeferredException deferred) {
            log.debug("{} event {} deferred: {}", subscription.key(), eventId, deferred.getMessage());
            return;
        }
        tracing.logInTraceOf(traceOf(eventId), () -> log.warn("{} could not handle event {}: {}", subscription.key(),
                eventId, failure.toString()));
        String error = failure.toString();
        try {
            deliveries.recordFailure(subscription.key(), eventId, error.length() > 255 ? error.substring(0, 255) : error);
            // retried later, or, its attempts spent, a dead letter for the console
            Integer attempts = deliveries.attempts(subscription.key(), eventId);
            metrics.eventDeliveries(attempts != null && attempts >= maxAttempts ? "dead_lettered" : "retried", 1);
        } catch (RuntimeException e) {
            // the database is away: the delivery stays undone and is sent again
            log.warn("could not record the failure of {} event {}: {}", subscription.key(), eventId, e.toString());
        }
    }

    /** The trace the event was recorded in, or none if the database cannot say now (a failure's log line). */
    private EventTrace traceOf(long eventId) {
        try {
            return deliveries.events(List.of(eventId)).stream()
                    .map(row -> new EventTrace(row.traceParent(), row.traceState())).findFirst().orElse(EventTrace.NONE);
        } catch (RuntimeException e) {
            return EventTrace.NONE;
        }
    }

    /** Hands the events to the handler inside spans that continue the traces they were recorded in. */
    private void handle(DomainEventHandler handler, List<EventDeliveryMapper.EventRow> rows) {
        List<DomainEvent> events = rows.stream().map(row -> new DomainEvent(row.id(), row.eventType(),
                row.aggregateType(), row.aggregateId(), JSON.readValue(row.payload(), PAYLOAD), row.createTime())).toList();
        List<EventTracing.Traced> traced = rows.stream().map(row -> new EventTracing.Traced(row.id(), row.eventType(),
                new EventTrace(row.traceParent(), row.traceState()))).toList();
        tracing.handling(handler.subscription(), traced,
                event -> log.debug("{} handling event {} ({})", handler.subscription().key(), event.id(), event.type()),
                () -> run(handler, events));
    }

    private static void run(DomainEventHandler handler, List<DomainEvent> events) {
        if (handler.transactional()) {
            handler.handleAll(events);
        } else {
            events.forEach(handler::handle);
        }
    }
}
