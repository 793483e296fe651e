package com.luckify.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Caches what many readers read in each process, and never serves it after a change. Every change that a
 * reader could notice ends the process's current epoch at once, and tells the other replicas over Redis
 * pub/sub to end theirs; entries of an ended epoch are never served again. A read costs no round trip to
 * Redis.
 *
 * <p>Pub/sub loses messages while a connection is down, so each process also watches a generation counter in
 * Redis that every change bumps: a generation it has not seen ends the epoch too, and while Redis cannot be
 * asked the cache is bypassed rather than trusted. The time limit only bounds what time itself changes.
 */
public abstract class SharedReadCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharedReadCache.class);
    private static final String BUMP_AND_PUBLISH =
            "local generation = redis.call('INCR', KEYS[1]) redis.call('PUBLISH', ARGV[1], generation) return generation";
    private final String name;
    private final RAtomicLong generation;
    private final RTopic changes;
    private final RScript redis;
    private final List<Object> generationKey;
    private final String channel;
    private final AtomicLong epoch = new AtomicLong();
    private final Cache<Object, Object> entries = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    private final ScheduledExecutorService watcher;
    private volatile long seenGeneration = Long.MIN_VALUE;
    private volatile boolean redisAnswers = true;

    /**
     * {@code name} names the Redis keys ({@code luckify:<name>:generation}, {@code luckify:<name>:changes});
     * {@code watchInterval} is how stale another replica can be when a change's message was lost, and how
     * long a Redis outage goes unseen.
     */
    protected SharedReadCache(RedissonClient redisson, String name, Duration watchInterval) {
        this.name = name;
        this.generation = redisson.getAtomicLong("luckify:" + name + ":generation");
        this.changes = redisson.getTopic("luckify:" + name + ":changes", LongCodec.INSTANCE);
        this.redis = redisson.getScript(StringCodec.INSTANCE);
        // a channel is not a key: it goes as an argument, so a cluster routes the script by the counter alone
        this.generationKey = List.of(generation.getName());
        this.channel = changes.getChannelNames().get(0);
        this.watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-cache-watch");
            thread.setDaemon(true);
            return thread;
        });
        changes.addListener(Long.class, (topic, changedGeneration) -> epoch.incrementAndGet());
        watchGeneration();
        watcher.scheduleWithFixedDelay(this::watchGeneration, watchInterval.toMillis(), watchInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The cached value of {@code key}, loaded now if this epoch has none; {@code load} may return null. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        if (!redisAnswers) {
            return load.get();
        }
        // a load that began before a change is stored under the ended epoch, where no reader looks
        return (T) entries.get(new Versioned(epoch.get(), key), ignored -> load.get());
    }

    /**
     * Something a reader could see changed: this process drops what it cached now, the others on the message.
     * Call it once the change is committed (see {@link AfterCommit}), or a reader could cache the state before it.
     */
    public void invalidate() {
        epoch.incrementAndGet();
        // the bump and its message in one round trip: every like and edit pays for it
        redis.eval(RScript.Mode.READ_WRITE, BUMP_AND_PUBLISH, RScript.ReturnType.LONG, generationKey, channel);
    }

    private void watchGeneration() {
        try {
            long current = generation.get();
            if (current != seenGeneration) {
                seenGeneration = current;
                epoch.incrementAndGet();
            }
            if (!redisAnswers) {
                log.info("{} cache: Redis answers again, caching resumes", name);
                epoch.incrementAndGet();
                redisAnswers = true;
            }
        } catch (RuntimeException e) {
            if (redisAnswers) {
                log.warn("{} cache: Redis does not answer, reading through until it does: {}", name, e.toString());
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
