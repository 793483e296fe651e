package com.luckify.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Group commit for a write that many callers make at once, each in a transaction of its own: the writes that
 * arrive while a batch is being written wait, and are then written together by one thread, in one transaction
 * with one commit. Every caller still gets its answer only once its own write is committed. A batch that cannot be
 * written as it is (one write's duplicate key, a failure) is written write by write, so each caller gets the
 * answer it would have had alone; but not when the database could not be reached (no connection to be had, the
 * connection lost): each write alone would only wait for a connection in its turn, the last one of a batch of 100
 * for 100 pool timeouts while MySQL restarts, so every caller of the batch gets that failure at once instead.
 *
 * <p>Bounded: at most {@link Limits#capacity()} writes wait, and a caller waits at most {@link Limits#maxWait()}
 * for the writer to take its write. A full queue or a write still queued when the wait ends is answered
 * {@link ErrorCode#SERVICE_BUSY} at once, and that write is withdrawn, so the writer never writes it afterwards:
 * busy means nothing was written. A write the writer has already taken is in a transaction that may commit; its
 * caller waits for that outcome instead, however long it takes (the transaction is bounded by the statement and
 * lock wait timeouts), because answering busy there could tell a user that a committed write failed.
 *
 * @param <T> one caller's write
 * @param <R> its answer
 */
public class GroupCommit<T, R> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final int maxBatch;
    private final Duration maxWait;
    private final Function<List<T>, List<Outcome<R>>> writeBatch;
    private final Function<T, R> writeOne;
    private final BlockingQueue<Queued<T, R>> queue;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchesOneByOne = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private volatile boolean running;
    private volatile Thread writer;
    private volatile BusinessMetrics metrics;

    /**
     * {@code maxBatch} bounds a batch's statements; below it a batch is what queued meanwhile. {@code writeBatch}
     * writes a batch in one transaction and returns each write's answer, in order, or throws, having written
     * nothing, when the batch cannot be written as it is; {@code writeOne} writes one in a transaction of its
     * own and returns its answer or throws the exception refusing it.
     */
    protected GroupCommit(String name, int maxBatch, Limits limits, Function<List<T>, List<Outcome<R>>> writeBatch,
            Function<T, R> writeOne) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.maxWait = limits.maxWait();
        this.queue = new LinkedBlockingQueue<>(limits.capacity());
        this.writeBatch = writeBatch;
        this.writeOne = writeOne;
    }

    /** Batch sizes and waits go to {@code luckify_groupcommit_*}, tagged with this writer's name. */
    @Autowired(required = false)
    public void setMetrics(BusinessMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Writes {@code write} together with those arriving meanwhile; answers or throws as {@link #writeOne}, or
     * throws {@link ErrorCode#SERVICE_BUSY} having written nothing.
     */
    public R write(T write) {
        if (!running) {
            return writeOne.apply(write);
        }
        Queued<T, R> queued = new Queued<>(write);
        if (!queue.offer(queued)) {
            throw busy();
        }
        // stopped meanwhile: the writer may have drained the queue already; if this one is still there, do it here
        if (!running && queue.remove(queued)) {
            return writeOne.apply(write);
        }
        try {
            return queued.answer.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (queued.withdraw()) {
                queue.remove(queued);
                throw busy();
            }
            // the writer has it: its transaction may commit, so its outcome is the only true answer
            return outcome(queued);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }

    private R outcome(Queued<T, R> queued) {
        try {
            return queued.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private BusinessException busy() {
        busy.incrementAndGet();
        return BusinessException.of(ErrorCode.SERVICE_BUSY);
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Queued<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Queued<T, R>> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    // a caller whose wait ended first has withdrawn its write and been told busy
                    batch.removeIf(queued -> !queued.take());
                    if (!batch.isEmpty()) {
                        record(batch);
                        writeOrFail(batch);
                    }
                }
            } catch (InterruptedException e) {
                // told to end: what is queued is still written, and callers write their own from now on
                running = false;
            }
        }
    }

    private void record(List<Queued<T, R>> batch) {
        BusinessMetrics sink = metrics;
        if (sink != null) {
            sink.groupCommitBatch(name, batch.size(), Duration.ofNanos(System.nanoTime() - batch.get(0).queuedAt));
        }
    }

    /** Whatever happens, every caller of the batch gets an answer and the writer goes on with the next. */
    private void writeOrFail(List<Queued<T, R>> batch) {
        try {
            writeAll(batch);
        } catch (Throwable e) {
            log.error("{}: a batch of {} could not be written", name, batch.size(), e);
            // a no-op for the writes already answered
            batch.forEach(queued -> queued.answer.completeExceptionally(e));
        }
    }

    private void writeAll(List<Queued<T, R>> batch) {
        if (batch.size() > 1) {
            try {
                List<Outcome<R>> outcomes = writeBatch.apply(batch.stream().map(Queued::write).toList());
                batches.incrementAndGet();
                for (int i = 0; i < batch.size(); i++) {
                    Outcome<R> outcome = outcomes.get(i);
                    if (outcome.refusal() != null) {
                        batch.get(i).answer.completeExceptionally(outcome.refusal());
                    } else {
                        batch.get(i).answer.complete(outcome.answer());
                    }
                }
                return;
            } catch (BusinessException e) {
                if (e.errorCode() == ErrorCode.SERVICE_BUSY) {
                    // the batch lost its lock contests on every try (LockRetry); one by one, each write would
                    // wait as long again while the queue behind it grows: nothing was written, all are told busy
                    busy.addAndGet(batch.size());
                    batch.forEach(queued -> queued.answer.completeExceptionally(e));
                    return;
                }
                log.debug("{}: a batch of {} written one by one: {}", name, batch.size(), e.toString());
            } catch (RuntimeException e) {
                if (databaseUnreachable(e)) {
                    // nothing of the batch was written (or, if the connection broke during the commit, nobody can
                    // know): one by one would not fare better, only slower
                    batch.forEach(queued -> queued.answer.completeExceptionally(e));
                    return;
                }
                // nothing of the batch was written
                log.debug("{}: a batch of {} written one by one: {}", name, batch.size(), e.toString());
            }
            batchesOneByOne.incrementAndGet();
        }
        RuntimeException unreachable = null;
        for (Queued<T, R> queued : batch) {
            if (unreachable != null) {
                // the database went away during the batch: the rest would each wait for a connection in vain
                queued.answer.completeExceptionally(unreachable);
                continue;
            }
            try {
                queued.answer.complete(writeOne.apply(queued.write()));
            } catch (RuntimeException e) {
                queued.answer.completeExceptionally(e);
                unreachable = databaseUnreachable(e) ? e : null;
            }
        }
    }

    /** No connection could be had, or the one in use was lost: MySQL is away (restarting, unreachable). */
    private static boolean databaseUnreachable(RuntimeException e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException || e instanceof RecoverableDataAccessException;
    }

    /** What this writer has done since the process started. */
    public Stats stats() {
        return new Stats(batches.get(), batchesOneByOne.get(), busy.get(), queue.size());
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

    /**
     * How many writes may wait for the writer, and how long a caller waits for the writer to take its write
     * before it is told busy. Each writer reads its own ({@code luckify.checkin.group-commit.*},
     * {@code luckify.instant.group-commit.*}).
     */
    public record Limits(@DefaultValue("1000") int capacity, @DefaultValue("2s") Duration maxWait) {

        public Limits {
            if (capacity < 1 || maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("group-commit needs a capacity of at least 1 and a positive max-wait");
            }
        }
    }

    /**
     * {@code batches}: batches of several writes written together; {@code batchesOneByOne}: batches that could
     * not be and were written write by write; {@code busy}: callers told busy; {@code queued}: writes waiting now.
     */
    public record Stats(long batches, long batchesOneByOne, long busy, int queued) {
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

    /** A caller's write and its answer; whoever comes first, the writer taking it or its caller withdrawing it, wins. */
    private static final class Queued<T, R> {

        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int WITHDRAWN = 2;

        private final T write;
        private final CompletableFuture<R> answer = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final long queuedAt = System.nanoTime();

        Queued(T write) {
            this.write = write;
        }

        T write() {
            return write;
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }
    }
}
