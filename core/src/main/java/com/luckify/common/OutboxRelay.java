package com.luckify.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers outbox events to the in-process {@link DomainEventHandler}s on worker instances. Each batch is
 * claimed with {@code FOR UPDATE SKIP LOCKED}, handled and marked delivered in one transaction, so any
 * number of workers share the work and every event's effects happen once. If a batch fails, its events
 * are retried one by one, and an event that keeps failing is set aside after {@code max-attempts} with
 * its error recorded, instead of blocking the others.
 */
@Component
@ConditionalOnRole(Role.WORKER)
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };
    private static final int BATCH = 200;

    private final OutboxMapper outbox;
    private final List<DomainEventHandler> handlers;
    private final TransactionTemplate tx;
    private final Duration pollInterval;
    private final int maxAttempts;
    private volatile ScheduledExecutorService poller;

    OutboxRelay(OutboxMapper outbox, List<DomainEventHandler> handlers, TransactionTemplate tx,
            @Value("${luckify.outbox.poll-interval:500ms}") Duration pollInterval,
            @Value("${luckify.outbox.max-attempts:10}") int maxAttempts) {
        this.outbox = outbox;
        this.handlers = List.copyOf(handlers);
        this.tx = tx;
        this.pollInterval = pollInterval;
        this.maxAttempts = maxAttempts;
    }

    /** Delivers what is pending now, batch after batch; returns how many events were delivered. */
    public int relayPending() {
        int delivered = 0;
        int batch;
        do {
            batch = relayBatch();
            delivered += batch;
        } while (batch == BATCH);
        return delivered;
    }

    private int relayBatch() {
        List<Long> claimed = new ArrayList<>();
        try {
            Integer count = tx.execute(status -> {
                List<OutboxMapper.OutboxRow> rows = outbox.claimPending(BATCH, maxAttempts);
                rows.forEach(row -> claimed.add(row.id()));
                dispatch(rows);
                if (!rows.isEmpty()) {
                    outbox.markPublished(claimed);
                }
                return rows.size();
            });
            return count == null ? 0 : count;
        } catch (RuntimeException batchFailure) {
            // one bad event must not hold back the rest: deliver them one at a time
            int delivered = 0;
            for (long id : claimed) {
                delivered += relayOne(id) ? 1 : 0;
            }
            return delivered;
        }
    }

    private boolean relayOne(long id) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                OutboxMapper.OutboxRow row = outbox.claimOne(id);
                if (row == null) {
                    return false;
                }
                dispatch(List.of(row));
                outbox.markPublished(List.of(id));
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("outbox event {} could not be delivered: {}", id, e.toString());
            String error = e.toString();
            tx.executeWithoutResult(status -> outbox.recordFailure(id, error.length() > 255 ? error.substring(0, 255) : error));
            return false;
        }
    }

    private void dispatch(List<OutboxMapper.OutboxRow> rows) {
        List<DomainEvent> events = rows.stream().map(row -> new DomainEvent(row.id(), row.eventType(),
                row.aggregateType(), row.aggregateId(), JSON.readValue(row.payload(), PAYLOAD), row.createTime())).toList();
        for (DomainEventHandler handler : handlers) {
            List<DomainEvent> wanted = events.stream().filter(event -> handler.eventTypes().contains(event.type())).toList();
            if (!wanted.isEmpty()) {
                handler.handleAll(wanted);
            }
        }
    }

    private void poll() {
        try {
            relayPending();
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
