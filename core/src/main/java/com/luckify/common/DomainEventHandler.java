package com.luckify.common;

import java.util.List;

/**
 * The consumer of one {@link Subscription}, in whichever process has this bean and is free (see
 * {@link EventDeliveries}). Every event is delivered at least once; a transactional handler runs in the
 * transaction that marks its events done, so its database effects happen exactly once, and one that throws
 * leaves them to be delivered again. A non-transactional handler (one that starts a Batch job, say) must be
 * idempotent by itself.
 */
public interface DomainEventHandler {

    Subscription subscription();

    void handle(DomainEvent event);

    /**
     * Several events of one message, in order; a handler that can do a batch in fewer statements than one event
     * at a time overrides this.
     */
    default void handleAll(List<DomainEvent> events) {
        events.forEach(this::handle);
    }

    /** False for handlers that must run outside a transaction, e.g. because they launch a Batch job. */
    default boolean transactional() {
        return true;
    }
}
