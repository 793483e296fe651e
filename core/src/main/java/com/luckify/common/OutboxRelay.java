package com.luckify.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays outbox events to their subscriptions, on worker instances. Each batch of events is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, given one {@code event_delivery} row per interested subscription and marked
 * relayed in one transaction; once that commits, the event ids go to each subscription's queue through the
 * {@link EventTransport}, to be consumed in whichever process is free ({@link EventDeliveries}). Any number of
 * workers share the work. Deliveries still undone after {@code redeliver-after} (the message was lost) or after a
 * failure's backoff are sent again, until {@code max-attempts} failures set them aside as dead letters.
 */
@Component
@ConditionalOnRole(Role.WORKER)
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final OutboxMapper outbox;
    private final EventDeliveryMapper deliveries;
    private final EventTransport transport;
    private final TransactionTemplate tx;
    private final Duration pollInterval;
    private final Duration redeliverAfter;
    private final Duration retryBackoff;
    private final int maxAttempts;
    private volatile ScheduledExecutorService poller;

    OutboxRelay(OutboxMapper outbox, EventDeliveryMapper deliveries, EventTransport transport,
            PlatformTransactionManager transactions,
            @Value("${luckify.outbox.poll-interval:500ms}") Duration pollInterval,
            @Value("${luckify.events.redeliver-after:1m}") Duration redeliverAfter,
            @Value("${luckify.events.retry-backoff:10s}") Duration retryBackoff,
            @Value("${luckify.events.max-attempts:10}") int maxAttempts) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.transport = transport;
        // READ COMMITTED: under REPEATABLE READ the "pending events" scan would lock the gap after the last event,
        // and every business transaction inserting its event (an instant win, a join) would wait on it and could
        // deadlock with the relay; the relay needs only the rows it read, which SKIP LOCKED keeps to itself
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.pollInterval = pollInterval;
        this.redeliverAfter = redeliverAfter;
        this.retryBackoff = retryBackoff;
        this.maxAttempts = maxAttempts;
    }

    /** Relays what is pending now, batch after batch; returns how many events were relayed. */
    public int relayPending() {
        int relayed = 0;
        int batch;
        do {
            batch = relayBatch();
            relayed += batch;
        } while (batch == BATCH);
        return relayed;
    }

    /** Sends again the deliveries that are overdue; returns how many. */
    public int redeliverOverdue() {
        Map<String, List<Long>> overdue = new TreeMap<>();
        tx.executeWithoutResult(status -> {
            for (EventDeliveryMapper.Pending pending : deliveries.claimOverdue(redeliverAfter.toMillis(),
                    retryBackoff.toMillis(), maxAttempts, BATCH)) {
                overdue.computeIfAbsent(pending.subscription(), key -> new ArrayList<>()).add(pending.eventId());
            }
            overdue.forEach(deliveries::markRelayed);
        });
        Map<Subscription, List<Long>> known = new EnumMap<>(Subscription.class);
        overdue.forEach((key, ids) -> Subscription.byKey(key).ifPresentOrElse(subscription -> known.put(subscription, ids),
                () -> log.warn("event_delivery names {}, which this version does not know", key)));
        send(known);
        return overdue.values().stream().mapToInt(List::size).sum();
    }

    private int relayBatch() {
        Map<Subscription, List<Long>> bySubscription = new EnumMap<>(Subscription.class);
        Integer count = tx.execute(status -> {
            List<OutboxMapper.OutboxRow> rows = outbox.claimPending(BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            for (Subscription subscription : Subscription.values()) {
                List<Long> wanted = rows.stream().filter(row -> subscription.wants(row.eventType()))
                        .map(OutboxMapper.OutboxRow::id).toList();
                if (!wanted.isEmpty()) {
                    deliveries.insert(subscription.key(), wanted);
                    bySubscription.put(subscription, wanted);
                }
            }
            outbox.markPublished(rows.stream().map(OutboxMapper.OutboxRow::id).toList());
            return rows.size();
        });
        // only now: a consumer must find the deliveries committed
        send(bySubscription);
        return count == null ? 0 : count;
    }

    private void send(Map<Subscription, List<Long>> bySubscription) {
        bySubscription.forEach((subscription, ids) -> {
            try {
                transport.send(subscription, ids);
            } catch (RuntimeException e) {
                // recorded in event_delivery: sent again after redeliver-after
                log.warn("could not send {} events to {}: {}", ids.size(), subscription.key(), e.toString());
            }
        });
    }

    private void poll() {
        try {
            relayPending();
            redeliverOverdue();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next poll tries again
            log.warn("outbox relay poll failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
