package com.luckify.lottery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caches what every visitor reads (the public list, a lottery's unchanging parts) in each process. Every
 * change that a reader could notice ends the process's current epoch at once, and tells the other
 * replicas over Redis pub/sub to end theirs; entries of an ended epoch are never served again. A read
 * costs no round trip to Redis.
 *
 * <p>Pub/sub loses messages while a connection is down, so each process also watches (every second by default) a generation counter
 * in Redis that every change bumps: a generation it has not seen ends the epoch too, and while Redis cannot
 * be asked the cache is bypassed rather than trusted. The time limit only bounds what time itself changes.
 */
@Component
class LotteryReadCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LotteryReadCache.class);
    private final RAtomicLong generation;
    private final RTopic changes;
    private final AtomicLong epoch = new AtomicLong();
    private final Cache<Object, Object> entries = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lottery-cache-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long seenGeneration = Long.MIN_VALUE;
    private volatile boolean redisAnswers = true;

    /**
     * {@code watchInterval} ({@code luckify.lottery.cache-watch}): how stale another replica can be when a
     * change's message was lost, and how long a Redis outage goes unseen.
     */
    LotteryReadCache(RedissonClient redisson, @Value("${luckify.lottery.cache-watch:1s}") Duration watchInterval) {
        this.generation = redisson.getAtomicLong("luckify:lottery:generation");
        this.changes = redisson.getTopic("luckify:lottery:changes", LongCodec.INSTANCE);
        changes.addListener(Long.class, (channel, changedGeneration) -> epoch.incrementAndGet());
        watchGeneration();
        watcher.scheduleWithFixedDelay(this::watchGeneration, watchInterval.toMillis(), watchInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> load) {
        if (!redisAnswers) {
            return load.get();
        }
        // a load that began before a change is stored under the ended epoch, where no reader looks
        return (T) entries.get(new Versioned(epoch.get(), key), ignored -> load.get());
    }

    /** Something a reader could see changed: this process drops what it cached now, the others on the message. */
    void invalidate() {
        epoch.incrementAndGet();
        changes.publish(generation.incrementAndGet());
    }

    private void watchGeneration() {
        try {
            long current = generation.get();
            if (current != seenGeneration) {
                seenGeneration = current;
                epoch.incrementAndGet();
            }
            if (!redisAnswers) {
                log.info("lottery cache: Redis answers again, caching resumes");
                epoch.incrementAndGet();
                redisAnswers = true;
            }
        } catch (RuntimeException e) {
            if (redisAnswers) {
                log.warn("lottery cache: Redis does not answer, reading through until it does: {}", e.toString());
                redisAnswers = false;
            }
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }

    private record Versioned(long epoch, Object key) {
    }
}
