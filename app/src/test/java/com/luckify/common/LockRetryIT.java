package com.luckify.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link LockRetry} against real InnoDB locks: a deadlock victim's whole transaction runs again and both
 * writers succeed; a lock that stays taken ends in "busy" with nothing written; inside a caller's transaction
 * the failure is the caller's to handle.
 */
class LockRetryIT extends IntegrationTest {

    @Autowired
    LockRetry lockRetry;

    @Autowired
    TransactionTemplate tx;

    /** Real threads of their own (the common pool may have one thread only). */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoTransactionsLockingTwoRowsInOppositeOrderBothSucceedTheLoserRunsAgain() throws Exception {
        List<Long> rows = twoRows();
        long first = rows.get(0);
        long second = rows.get(1);
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Void> forward = CompletableFuture.runAsync(() -> lockRetry.inTransactionWithoutResult(status -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            append(first, "a");
            if (firstAttempt) {
                await(bothHoldTheirFirstRow);
            }
            append(second, "a");
        }), threads);
        CompletableFuture<Void> backward = CompletableFuture.runAsync(() -> lockRetry.inTransactionWithoutResult(status -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            append(second, "b");
            if (firstAttempt) {
                await(bothHoldTheirFirstRow);
            }
            append(first, "b");
        }), threads);
        CompletableFuture.allOf(forward, backward).get(30, TimeUnit.SECONDS);

        assertThat(attempts).as("InnoDB rolled one back, which ran again").hasValue(3);
        // each transaction's work is there once: the victim's first attempt was undone whole
        assertThat(info(first)).hasSize(2).contains("a", "b");
        assertThat(info(second)).hasSize(2).contains("a", "b");
    }

    @Test
    void aLockThatStaysTakenEndsInBusyWithNothingWritten() throws Exception {
        List<Long> rows = twoRows();
        long taken = rows.get(0);
        long other = rows.get(1);
        LockRetry fourTimes = new LockRetry(tx, new LockRetry.Settings(4, Duration.ofMillis(10)));
        AtomicInteger attempts = new AtomicInteger();

        try (Holder holder = hold(taken)) {
            assertThatThrownBy(() -> fourTimes.inTransactionWithoutResult(status -> {
                attempts.incrementAndGet();
                append(other, "w");
                // a short wait for this one statement only: pooled connections keep their session settings
                jdbc.update("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE `user` SET info = 'x' WHERE id = ?",
                        taken);
            })).isInstanceOfSatisfying(BusinessException.class,
                    busy -> assertThat(busy.errorCode()).isEqualTo(ErrorCode.SERVICE_BUSY));
        }

        assertThat(attempts).as("a lock wait timeout is tried again once, whatever the attempts allowed").hasValue(2);
        assertThat(info(other)).as("the write before the lock wait was rolled back too").isEmpty();
    }

    @Test
    void insideACallersTransactionTheLostContestIsTheCallersToHandle() throws Exception {
        long taken = twoRows().get(0);
        AtomicInteger attempts = new AtomicInteger();

        try (Holder holder = hold(taken)) {
            assertThatThrownBy(() -> tx.executeWithoutResult(outer -> lockRetry.inTransactionWithoutResult(status -> {
                attempts.incrementAndGet();
                jdbc.update("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE `user` SET info = 'x' WHERE id = ?",
                        taken);
            }))).isInstanceOf(PessimisticLockingFailureException.class);
        }

        assertThat(attempts).as("half a transaction is never run again").hasValue(1);
    }

    /** Two users of this test's own, with empty {@code info}. */
    private List<Long> twoRows() {
        String batch = "lock-retry-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO `user` (nickname) VALUES (?), (?)", batch, batch);
        return jdbc.queryForList("SELECT id FROM `user` WHERE nickname = ? ORDER BY id", Long.class, batch);
    }

    private void append(long userId, String mark) {
        jdbc.update("UPDATE `user` SET info = CONCAT(info, ?) WHERE id = ?", mark, userId);
    }

    private String info(long userId) {
        return jdbc.queryForObject("SELECT info FROM `user` WHERE id = ?", String.class, userId);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds the row's lock in a transaction of another thread until closed, then rolls it back. */
    private Holder hold(long userId) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE `user` SET info = 'held' WHERE id = ?", userId);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly();
        }), threads);
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return () -> {
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
        };
    }

    private interface Holder extends AutoCloseable {
        @Override
        void close() throws Exception;
    }
}
