package com.luckify.common;

import java.util.Set;

/**
 * A consumer of outbox events. {@link #handle} runs in the transaction that marks the event delivered, so
 * its database effects happen exactly once; a handler that throws leaves the event to be delivered again.
 */
public interface DomainEventHandler {

    /** The event types this handler wants, e.g. {@code LotteryJoined}. */
    Set<String> eventTypes();

    void handle(DomainEvent event);
}
