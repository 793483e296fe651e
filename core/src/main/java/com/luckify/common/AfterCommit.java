package com.luckify.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction has committed (at once when there is none): telling caches or
 * starting work about a change before it is visible would let others see, or act on, the state before it.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * An executor whose tasks start once the submitting transaction has committed, on {@code threads} daemon
     * threads named {@code name}: for work (a job) that an event handler must not do inside the relay's
     * transaction.
     */
    public static Executor executor(String name, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        return task -> run(() -> pool.execute(task));
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
