package com.luckify.lottery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Rebuilds instant lotteries' Redis hot state from MySQL, the truth. Three ways in:
 * <ul>
 * <li>{@link #rebuild}: now, replacing whatever Redis holds (publication, reconciliation);</li>
 * <li>{@link #rebuildIfMissing}: now, if the state is still missing once this process holds the lottery's rebuild
 * lock in Redis (start-up);</li>
 * <li>{@link #rebuildSoon}: the same, later, off the caller's thread: what an attempt that found the state missing
 * asks for. Single flight: one rebuild per lottery at a time across processes (the Redis lock, with a lease so a
 * process that dies holding it does not keep the lottery closed), one queued or running per lottery in a process,
 * at most one try per lottery per {@code retry-interval} in a process (a Redis or MySQL still failing gets no storm
 * of rebuilds), on a few threads with a bounded queue (a request that finds it full is dropped; the lottery's
 * next attempt after the interval asks again).</li>
 * </ul>
 * Attempts keep failing closed until the state is installed: "ready" is set last, in the same script that puts the
 * stock and entrants in place. Attempts admitted by the state before it was lost can still commit after the rebuild
 * read MySQL, so {@code settle-after} later the state is settled against MySQL again: stock lowered where MySQL has
 * less, entrants added (both are safe whatever happened meanwhile). Their reservations are never given back to the
 * rebuilt state ({@link InstantWinGate}'s generations). An attempt that meets such a difference later (a state that
 * missed writes) has the state settled at once ({@link #settleSoon}).
 */
@Component
@EnableConfigurationProperties(HotStateRebuilder.Settings.class)
class HotStateRebuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HotStateRebuilder.class);
    private static final int ENTRANT_CHUNK = 5_000;

    private final InstantWinGate gate;
    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final RedissonClient redisson;
    private final Settings settings;
    private final ThreadPoolExecutor rebuilds;
    private final ScheduledExecutorService settler;
    /** Lotteries whose on-demand rebuild is queued or running in this process. */
    private final Set<Long> underway = ConcurrentHashMap.newKeySet();
    /** Lotteries tried within the last retry interval (expiring entries, so bounded by what is tried meanwhile). */
    private final Cache<Long, Boolean> recentlyTried;
    /** Rebuilt states waiting to be settled, by lottery: the newest generation only. */
    private final Map<Long, Settling> unsettled = new ConcurrentHashMap<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong rebuilt = new AtomicLong();
    private final AtomicLong foundThere = new AtomicLong();
    private final AtomicLong lockedElsewhere = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    HotStateRebuilder(InstantWinGate gate, LotteryMapper lotteries, ParticipationMapper participations,
            RedissonClient redisson, Settings settings) {
        this.gate = gate;
        this.lotteries = lotteries;
        this.participations = participations;
        this.redisson = redisson;
        this.settings = settings;
        this.rebuilds = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), daemon("instant-rebuild-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.rebuilds.allowCoreThreadTimeOut(true);
        this.recentlyTried = Caffeine.newBuilder().expireAfterWrite(settings.retryInterval()).build();
        this.settler = Executors.newSingleThreadScheduledExecutor(daemon("instant-settle-"));
        long sweep = Math.max(100, Math.min(1_000, settings.settleAfter().toMillis()));
        this.settler.scheduleWithFixedDelay(this::settleDue, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Replaces the lottery's hot state with MySQL's, whatever Redis holds. */
    void rebuild(long lotteryId) {
        install(lotteryId, false);
        log.info("instant lottery {} hot state rebuilt from MySQL", lotteryId);
    }

    /**
     * Rebuilds the lottery's state if it is missing, holding its rebuild lock; true if this call installed it.
     * False when it was there, when another process holds the lock (that one is rebuilding), or when another
     * process installed it first.
     */
    boolean rebuildIfMissing(long lotteryId) {
        RLock lock = redisson.getLock(InstantWinGate.rebuildLockName(lotteryId));
        boolean locked;
        try {
            locked = lock.tryLock(0, settings.lockLease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!locked) {
            lockedElsewhere.incrementAndGet();
            return false;
        }
        try {
            long started = System.nanoTime();
            if (gate.isReady(lotteryId) || !install(lotteryId, true)) {
                foundThere.incrementAndGet();
                return false;
            }
            rebuilt.incrementAndGet();
            log.info("instant lottery {} hot state rebuilt from MySQL after it was found missing ({} ms)", lotteryId,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return true;
        } finally {
            unlock(lock, lotteryId);
        }
    }

    /**
     * Asks for {@link #rebuildIfMissing} off the caller's thread; returns at once and never throws. A request for a
     * lottery that is underway in this process, or that was tried within the retry interval, is coalesced into that
     * one.
     */
    void rebuildSoon(long lotteryId) {
        if (underway.contains(lotteryId) || recentlyTried.asMap().putIfAbsent(lotteryId, Boolean.TRUE) != null) {
            return;
        }
        if (!underway.add(lotteryId)) {
            return;
        }
        requested.incrementAndGet();
        log.warn("instant lottery {} has no hot state in Redis: attempts fail closed until it is rebuilt from MySQL",
                lotteryId);
        try {
            rebuilds.execute(() -> rebuildMissing(lotteryId));
        } catch (RejectedExecutionException e) {
            underway.remove(lotteryId);
            failed.incrementAndGet();
            log.warn("instant lottery {}: the rebuild queue is full, the next attempt asks again", lotteryId);
        }
    }

    private void rebuildMissing(long lotteryId) {
        try {
            rebuildIfMissing(lotteryId);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("instant lottery {}: hot state could not be rebuilt, the next attempt after {} asks again: {}",
                    lotteryId, settings.retryInterval(), e.toString());
        } finally {
            underway.remove(lotteryId);
        }
    }

    /**
     * Settles the lottery's state of {@code generation} against MySQL on the next sweep (within a second): an attempt
     * met a difference (a unit MySQL no longer has, an entrant Redis did not know), as a Redis that failed over to a
     * replica which had not received the latest writes would show. A settling already planned for that generation
     * stands; it covers this one.
     */
    void settleSoon(long lotteryId, String generation) {
        unsettled.compute(lotteryId, (id, planned) -> planned != null && planned.generation().equals(generation)
                ? planned : new Settling(generation, System.nanoTime()));
    }

    /** Counts since start: what operators and tests read to see rebuilds happen once. */
    HotStateRebuilds stats() {
        return new HotStateRebuilds(requested.get(), rebuilt.get(), foundThere.get(), lockedElsewhere.get(),
                failed.get());
    }

    private boolean install(long lotteryId, boolean onlyIfMissing) {
        String generation = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        boolean installed = gate.install(lotteryId, generation, lotteries.findPrizes(lotteryId),
                entrantChunks(lotteryId), onlyIfMissing);
        if (installed) {
            unsettled.put(lotteryId, new Settling(generation, System.nanoTime() + settings.settleAfter().toNanos()));
        }
        return installed;
    }

    private void settleDue() {
        long now = System.nanoTime();
        unsettled.forEach((lotteryId, settling) -> {
            if (now - settling.dueAt() < 0 || !unsettled.remove(lotteryId, settling)) {
                return;
            }
            try {
                long changed = gate.settle(lotteryId, settling.generation(), lotteries.findPrizes(lotteryId),
                        entrantChunks(lotteryId));
                if (changed > 0) {
                    log.info("instant lottery {}: {} hot state fields brought to what MySQL committed after the rebuild",
                            lotteryId, changed);
                }
            } catch (RuntimeException e) {
                // what stays unsettled is a unit offered that MySQL refuses (a no-win) or an entrant MySQL refuses
                // (already joined); the reconciliation job repairs it
                log.warn("instant lottery {}: the rebuilt hot state could not be settled: {}", lotteryId, e.toString());
            }
        });
    }

    private static void unlock(RLock lock, long lotteryId) {
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException e) {
            // the lease ran out before the rebuild ended; another process may have rebuilt too, which is safe
            log.warn("instant lottery {}: the rebuild outlasted its lock lease", lotteryId);
        } catch (RuntimeException e) {
            log.warn("instant lottery {}: the rebuild lock could not be released, its lease ends it: {}", lotteryId,
                    e.toString());
        }
    }

    private Iterable<List<Long>> entrantChunks(long lotteryId) {
        return () -> new Iterator<>() {
            private long after = 0;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<Long> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                List<Long> chunk = new ArrayList<>(participations.entrants(lotteryId, after, ENTRANT_CHUNK));
                if (chunk.size() < ENTRANT_CHUNK) {
                    done = true;
                }
                if (!chunk.isEmpty()) {
                    after = chunk.get(chunk.size() - 1);
                }
                return chunk;
            }
        };
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicLong count = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        rebuilds.shutdownNow();
        settler.shutdownNow();
    }

    private record Settling(String generation, long dueAt) {
    }

    /**
     * {@code luckify.instant.rebuild.*}: {@code threads} and {@code queue-capacity} of the on-demand rebuilds,
     * {@code retry-interval} (at most one try per lottery and process in it), {@code lock-lease} (how long a rebuild
     * may hold the lottery's lock before another process may take it), {@code settle-after} (when a rebuilt state is
     * settled against what MySQL committed after the rebuild read it).
     */
    @ConfigurationProperties("luckify.instant.rebuild")
    record Settings(@DefaultValue("2") int threads, @DefaultValue("100") int queueCapacity,
            @DefaultValue("1s") Duration retryInterval, @DefaultValue("30s") Duration lockLease,
            @DefaultValue("5s") Duration settleAfter) {

        Settings {
            if (threads < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("luckify.instant.rebuild.threads and .queue-capacity must be at least 1");
            }
            if (retryInterval.isNegative() || lockLease.isNegative() || lockLease.isZero() || settleAfter.isNegative()) {
                throw new IllegalArgumentException("luckify.instant.rebuild durations must not be negative, the lease "
                        + "not zero");
            }
        }
    }
}
