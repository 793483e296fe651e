package com.luckify.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole transaction again when InnoDB chose it as a deadlock victim or it waited too long for a lock.
 * Both roll the transaction back whole, so running it again is safe; concurrent duplicates (a double tap)
 * then meet the unique key and get their business code instead of "database busy". Only the outermost
 * transaction is retried: inside another one the failure goes up to whoever owns that transaction. When the
 * lock still cannot be had after the last attempt the caller is told {@link ErrorCode#SERVICE_BUSY}, with
 * nothing written. A lock wait timeout is tried again once at most (see {@link #call}).
 */
@Component
@EnableConfigurationProperties(LockRetry.Settings.class)
public class LockRetry {

    private static final Logger log = LoggerFactory.getLogger(LockRetry.class);

    private final TransactionTemplate tx;
    private final Settings settings;

    public LockRetry(TransactionTemplate tx, Settings settings) {
        this.tx = tx;
        this.settings = settings;
    }

    /** {@code work} in a transaction of its own, run again on a deadlock or a lock wait timeout. */
    public <T> T inTransaction(TransactionCallback<T> work) {
        return call(() -> tx.execute(work));
    }

    public void inTransactionWithoutResult(Consumer<TransactionStatus> work) {
        call(() -> {
            tx.executeWithoutResult(work);
            return null;
        });
    }

    /**
     * {@code wholeTransaction} again on a deadlock or a lock wait timeout; it must begin and end its own
     * transaction (and give back anything it took outside the database before it throws).
     */
    public <T> T call(Supplier<T> wholeTransaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return wholeTransaction.get();
        }
        int lockWaits = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return wholeTransaction.get();
            } catch (PessimisticLockingFailureException e) {
                // a deadlock is found at once and usually gone on the next try; a lock wait timeout already cost the
                // caller a whole innodb_lock_wait_timeout, so it is tried again only once: a lock held that long is
                // not a contest between equals, and more waits would hold the request thread for many of them
                boolean lockWait = e instanceof CannotAcquireLockException;
                if (attempt >= settings.attempts() || lockWait && ++lockWaits > 1) {
                    log.warn("a transaction lost {} lock contests in a row; answered busy: {}", attempt, e.toString());
                    throw BusinessException.of(ErrorCode.SERVICE_BUSY);
                }
                log.debug("lock contest lost (attempt {}), running the transaction again: {}", attempt, e.toString());
                pause(attempt);
            }
        }
    }

    /** Jittered and growing, so the contenders do not meet again at once. */
    private void pause(int attempt) {
        long ceiling = settings.backoff().toMillis() * attempt;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.max(2, ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BusinessException.of(ErrorCode.SERVICE_BUSY);
        }
    }

    /**
     * {@code luckify.db.lock-retry.*}: how many times a transaction is tried in all, and the longest first
     * pause between two tries (each later pause may be longer).
     */
    @ConfigurationProperties("luckify.db.lock-retry")
    public record Settings(@DefaultValue("4") int attempts, @DefaultValue("20ms") Duration backoff) {

        public Settings {
            if (attempts < 1) {
                throw new IllegalArgumentException("luckify.db.lock-retry.attempts must be at least 1");
            }
        }
    }
}
