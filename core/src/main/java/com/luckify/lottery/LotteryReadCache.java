package com.luckify.lottery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Caches what every visitor reads (the public list, a lottery's unchanging parts) in each process, keyed by
 * a generation number kept in Redis. Every change that a reader could notice bumps the generation, so all
 * replicas stop serving the old answers at once; the time limit only bounds what time itself changes.
 * If Redis cannot be asked, the cache is bypassed rather than trusted.
 */
@Component
class LotteryReadCache {

    private static final Logger log = LoggerFactory.getLogger(LotteryReadCache.class);

    private final RAtomicLong generation;
    private final Cache<Object, Object> entries = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    LotteryReadCache(RedissonClient redisson) {
        this.generation = redisson.getAtomicLong("luckify:lottery:generation");
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> load) {
        long current;
        try {
            current = generation.get();
        } catch (RuntimeException e) {
            log.warn("lottery cache generation unavailable, reading through: {}", e.toString());
            return load.get();
        }
        return (T) entries.get(new Versioned(current, key), ignored -> load.get());
    }

    /** Something a reader could see changed: every process drops what it cached. */
    void invalidate() {
        generation.incrementAndGet();
    }

    private record Versioned(long generation, Object key) {
    }
}
