package com.luckify.common;

import java.util.List;
import java.util.Set;

/**
 * A consumer of outbox events. {@link #handle} runs in the transaction that marks the event delivered, so
 * its database effects happen exactly once; a handler that throws leaves the event to be delivered again.
 */
public interface DomainEventHandler {

    /** The event types this handler wants, e.g. {@code LotteryJoined}. */
    Set<String> eventTypes();

    void handle(DomainEvent event);

    /**
     * The wanted events of one relay batch, in order; a handler that can do a batch in fewer statements
     * than one event at a time overrides this.
     */
    default void handleAll(List<DomainEvent> events) {
        events.forEach(this::handle);
    }
}
