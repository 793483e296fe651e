package com.luckify.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * Caches what many readers read in each process, and never serves it after a change. Every change that a
 * reader could notice ends the process's current epoch at once, and tells the other replicas over Redis
 * pub/sub to end theirs; entries of an ended epoch are never served again. A read costs no round trip to
 * Redis.
 *
 * <p>Pub/sub loses messages while a connection is down, so each process also watches a generation counter in
 * Redis that every change bumps: a generation it has not seen ends the epoch too, so a replica that missed a
 * message is stale for one watch interval at most. While Redis cannot be asked, no change of another replica can
 * reach this one, so every watch that fails ends the epoch as well: entries then live one watch interval (plus the
 * failed call's timeout), the same staleness a lost message costs, and readers keep being served from memory
 * instead of all going to MySQL at once while Redis is away. A change whose bump did not reach Redis is bumped
 * again by the watch, so the other replicas catch up; the change itself stands. The time limit only bounds what
 * time itself changes.
 *
 * <p>Memory is bounded by bytes, not entries: each entry is weighed by its strings and items ({@link EntrySize})
 * against {@code maxBytes}. Callers choose the keys, and some keys are a client's choice (a cursor), so Caffeine's
 * admission decides what stays: a new entry displaces an old one only if it has been asked for more often, and
 * a run of distinct keys, each asked once, passes through a small window without pushing out the first pages
 * and details that everyone reads.
 */
public abstract class SharedReadCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharedReadCache.class);
    private static final String BUMP_AND_PUBLISH =
            "local generation = redis.call('INCR', KEYS[1]) redis.call('PUBLISH', ARGV[1], generation) return generation";
    /** What Caffeine's node, the epoch key and the map slot cost beside the key and the value themselves. */
    private static final int ENTRY_OVERHEAD = 120;
    private final String name;
    private final RAtomicLong generation;
    private final RTopic changes;
    private final RScript redis;
    private final List<Object> generationKey;
    private final String channel;
    private final AtomicLong epoch = new AtomicLong();
    private final Cache<Versioned, Object> entries;
    private final long maxBytes;
    private final ScheduledExecutorService watcher;
    private final AtomicBoolean bumpOwed = new AtomicBoolean();
    private volatile long seenGeneration = Long.MIN_VALUE;
    private volatile boolean redisAnswers = true;

    /**
     * {@code name} names the Redis keys ({@code luckify:<name>:generation}, {@code luckify:<name>:changes});
     * {@code watchInterval} is how stale another replica can be when a change's message was lost, and how
     * long a Redis outage goes unseen; {@code maxBytes} is what the entries may weigh together.
     */
    protected SharedReadCache(RedissonClient redisson, String name, Duration watchInterval, DataSize maxBytes) {
        this.name = name;
        this.maxBytes = maxBytes.toBytes();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(this.maxBytes)
                .weigher((Versioned key, Object value) ->
                        (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + EntrySize.of(key.key()) + EntrySize.of(value)))
                .expireAfterWrite(Duration.ofSeconds(30))
                .recordStats()
                .build();
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

    /**
     * Hits and misses as {@code luckify_cache_reads_total{cache=<name>,result=hit|miss}}, read from the cache's own
     * counters when scraped (nothing is counted twice on the read path).
     */
    @Autowired(required = false)
    public void setMetrics(BusinessMetrics metrics) {
        FunctionCounter.builder("luckify.cache.reads", entries, cache -> cache.stats().hitCount())
                .description("shared read cache reads, by cache and result").tag("cache", name).tag("result", "hit")
                .register(metrics.registry());
        FunctionCounter.builder("luckify.cache.reads", entries, cache -> cache.stats().missCount())
                .description("shared read cache reads, by cache and result").tag("cache", name).tag("result", "miss")
                .register(metrics.registry());
    }

    /** The cached value of {@code key}, loaded now if this epoch has none; {@code load} may return null. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        // a load that began before a change is stored under the ended epoch, where no reader looks
        return (T) entries.get(new Versioned(epoch.get(), key), ignored -> load.get());
    }

    /**
     * Something a reader could see changed: this process drops what it cached now, the others on the message.
     * Call it once the change is committed (see {@link AfterCommit}), or a reader could cache the state before it.
     * It never fails and never waits for Redis: the change is committed whatever Redis does, so a bump that
     * cannot be made now is owed, made by the watch once Redis answers, and logged meanwhile.
     */
    public void invalidate() {
        epoch.incrementAndGet();
        try {
            // the bump and its message in one round trip, not awaited: every like and edit pays for it
            redis.evalAsync(RScript.Mode.READ_WRITE, BUMP_AND_PUBLISH, RScript.ReturnType.LONG, generationKey, channel)
                    .whenComplete((newGeneration, failure) -> {
                        if (failure != null) {
                            owe(failure);
                        }
                    });
        } catch (RuntimeException e) {
            owe(e);
        }
    }

    private void owe(Throwable failure) {
        if (!bumpOwed.getAndSet(true)) {
            log.warn("{} cache: a change could not be announced to the other processes, the watch will: {}", name,
                    failure.toString());
        }
    }

    /** What the entries weigh together, in bytes (an estimate that errs on the large side); never above {@link #maxBytes()}. */
    public long weighedBytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public long maxBytes() {
        return maxBytes;
    }

    private void watchGeneration() {
        try {
            if (bumpOwed.getAndSet(false)) {
                try {
                    redis.eval(RScript.Mode.READ_WRITE, BUMP_AND_PUBLISH, RScript.ReturnType.LONG, generationKey,
                            channel);
                } catch (RuntimeException e) {
                    bumpOwed.set(true);
                    throw e;
                }
                log.info("{} cache: the owed change announcement is made", name);
            }
            long current = generation.get();
            if (current != seenGeneration) {
                seenGeneration = current;
                epoch.incrementAndGet();
            }
            if (!redisAnswers) {
                log.info("{} cache: Redis answers again, entries live until a change again", name);
                epoch.incrementAndGet();
                redisAnswers = true;
            }
        } catch (RuntimeException e) {
            // changes elsewhere cannot be heard of now: what was cached until this watch is not served again
            epoch.incrementAndGet();
            if (redisAnswers) {
                log.warn("{} cache: Redis does not answer, entries live one watch interval until it does: {}", name,
                        e.toString());
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
