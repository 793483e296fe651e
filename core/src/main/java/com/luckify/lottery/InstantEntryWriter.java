package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for instant attempts. Every winner takes a unit from the same prize row, which stays locked until
 * its transaction commits; one transaction per attempt made the winners queue on that row while they held pooled
 * connections, and everyone else queued for a connection. So the attempts that arrive while a batch is being
 * written wait, and are then written together: one transaction, one lock of each prize row, one commit. Each
 * caller still gets its answer only once its own entry is committed, and a batch that cannot be written as it is
 * is written attempt by attempt, so each gets the outcome it would have had alone. The price: while a batch waits
 * for a lock (up to InnoDB's lock wait timeout), the attempts queued behind it wait too.
 */
@Component
class InstantEntryWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstantEntryWriter.class);
    /** Bounds a batch's statements (100 entries, 200 events at most); below it a batch is what queued meanwhile. */
    static final int MAX_BATCH = 100;

    private final InstantEntries entries;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile Thread writer;

    InstantEntryWriter(InstantEntries entries) {
        this.entries = entries;
    }

    /** Records the attempt as {@link InstantEntries#recordOne} does, batched with those arriving meanwhile. */
    long record(InstantAttempt attempt) {
        if (!running) {
            return entries.recordOne(attempt);
        }
        Queued queued = new Queued(attempt, new CompletableFuture<>());
        queue.add(queued);
        // stopped meanwhile: the writer may have drained the queue already; if this one is still there, do it here
        if (!running && queue.remove(queued)) {
            return entries.recordOne(attempt);
        }
        try {
            return queued.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Queued> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    writeOrFail(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whatever happens, every caller of the batch gets an answer and the writer goes on with the next. */
    private void writeOrFail(List<Queued> batch) {
        try {
            write(batch);
        } catch (Throwable e) {
            log.error("instant batch of {} could not be written", batch.size(), e);
            // a no-op for the attempts already answered
            batch.forEach(queued -> queued.result().completeExceptionally(e));
        }
    }

    private void write(List<Queued> batch) {
        if (batch.size() > 1) {
            try {
                Set<InstantAttempt> refused = entries.recordBatch(batch.stream().map(Queued::attempt).toList());
                for (Queued queued : batch) {
                    if (refused.contains(queued.attempt())) {
                        queued.result().completeExceptionally(BusinessException.of(ErrorCode.USER_BLACKLISTED));
                    } else {
                        queued.result().complete(queued.attempt().reserved());
                    }
                }
                return;
            } catch (RuntimeException e) {
                // a duplicate entry, a unit MySQL no longer has, a failure: nothing of the batch was written
                log.debug("instant batch of {} written one by one: {}", batch.size(), e.toString());
            }
        }
        for (Queued queued : batch) {
            try {
                queued.result().complete(entries.recordOne(queued.attempt()));
            } catch (RuntimeException e) {
                queued.result().completeExceptionally(e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "instant-entry-writer");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    /** Writes what is queued, then lets callers write their own. */
    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Queued(InstantAttempt attempt, CompletableFuture<Long> result) {
    }
}
