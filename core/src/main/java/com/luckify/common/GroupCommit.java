package com.luckify.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit for a write that many callers make at once, each in a transaction of its own: the writes that
 * arrive while a batch is being written wait, and are then written together by one thread, in one transaction
 * with one commit. Every caller still gets its answer only once its own write is committed. A batch that cannot be
 * written as it is (one write's duplicate key, a failure) is written write by write, so each caller gets the
 * answer it would have had alone. The price: while a batch waits for a lock (up to InnoDB's lock wait timeout),
 * the writes queued behind it wait too.
 *
 * @param <T> one caller's write
 * @param <R> its answer
 */
public class GroupCommit<T, R> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final int maxBatch;
    private final Function<List<T>, List<Outcome<R>>> writeBatch;
    private final Function<T, R> writeOne;
    private final BlockingQueue<Queued<T, R>> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile Thread writer;

    /**
     * {@code maxBatch} bounds a batch's statements; below it a batch is what queued meanwhile. {@code writeBatch}
     * writes a batch in one transaction and returns each write's answer, in order, or throws, having written
     * nothing, when the batch cannot be written as it is; {@code writeOne} writes one in a transaction of its
     * own and returns its answer or throws the exception refusing it.
     */
    protected GroupCommit(String name, int maxBatch, Function<List<T>, List<Outcome<R>>> writeBatch,
            Function<T, R> writeOne) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.writeBatch = writeBatch;
        this.writeOne = writeOne;
    }

    /** Writes {@code write} together with those arriving meanwhile; answers or throws as {@link #writeOne}. */
    public R write(T write) {
        if (!running) {
            return writeOne.apply(write);
        }
        Queued<T, R> queued = new Queued<>(write, new CompletableFuture<>());
        queue.add(queued);
        // stopped meanwhile: the writer may have drained the queue already; if this one is still there, do it here
        if (!running && queue.remove(queued)) {
            return writeOne.apply(write);
        }
        try {
            return queued.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Queued<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Queued<T, R>> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    writeOrFail(batch);
                }
            } catch (InterruptedException e) {
                // told to end: what is queued is still written, and callers write their own from now on
                running = false;
            }
        }
    }

    /** Whatever happens, every caller of the batch gets an answer and the writer goes on with the next. */
    private void writeOrFail(List<Queued<T, R>> batch) {
        try {
            writeAll(batch);
        } catch (Throwable e) {
            log.error("{}: a batch of {} could not be written", name, batch.size(), e);
            // a no-op for the writes already answered
            batch.forEach(queued -> queued.answer().completeExceptionally(e));
        }
    }

    private void writeAll(List<Queued<T, R>> batch) {
        if (batch.size() > 1) {
            try {
                List<Outcome<R>> outcomes = writeBatch.apply(batch.stream().map(Queued::write).toList());
                for (int i = 0; i < batch.size(); i++) {
                    Outcome<R> outcome = outcomes.get(i);
                    if (outcome.refusal() != null) {
                        batch.get(i).answer().completeExceptionally(outcome.refusal());
                    } else {
                        batch.get(i).answer().complete(outcome.answer());
                    }
                }
                return;
            } catch (RuntimeException e) {
                // nothing of the batch was written
                log.debug("{}: a batch of {} written one by one: {}", name, batch.size(), e.toString());
            }
        }
        for (Queued<T, R> queued : batch) {
            try {
                queued.answer().complete(writeOne.apply(queued.write()));
            } catch (RuntimeException e) {
                queued.answer().completeExceptionally(e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, name);
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

    /** One write's answer in a batch: the answer, or the exception refusing this write alone. */
    public record Outcome<R>(R answer, RuntimeException refusal) {

        public static <R> Outcome<R> of(R answer) {
            return new Outcome<>(answer, null);
        }

        public static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    private record Queued<T, R>(T write, CompletableFuture<R> answer) {
    }
}
