package com.luckify.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.springframework.stereotype.Component;

/**
 * Token-bucket limits kept in Redis, so every replica shares one budget per key. A refused request fails
 * at once with {@link ErrorCode#TOO_MANY_REQUESTS}; nothing ever waits for a permit.
 */
@Component
public class RateLimiter {

    /** How long an idle bucket survives in Redis before it is dropped. */
    private static final Duration KEEP_ALIVE = Duration.ofHours(1);

    private final RedissonClient redisson;
    /** Buckets this process already configured: setting the rate again would cost a round trip per request. */
    private final Cache<String, Boolean> configured = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public RateLimiter(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /**
     * Takes one permit of {@code limit} for {@code key}, or throws {@link BusinessException} with
     * {@link ErrorCode#TOO_MANY_REQUESTS}.
     */
    public void acquire(RateLimit limit, String key) {
        if (!tryAcquire(bucket(limit, key), limit)) {
            throw BusinessException.of(ErrorCode.TOO_MANY_REQUESTS);
        }
    }

    /** Waits up to {@code maxWait} for a permit (for jobs that pace themselves); false when none came. */
    public boolean awaitPermit(RateLimit limit, String key, Duration maxWait) {
        RRateLimiter bucket = bucket(limit, key);
        try {
            return bucket.tryAcquire(1, maxWait);
        } catch (RedisException e) {
            bucket.trySetRate(RateType.OVERALL, limit.permits(), limit.interval(), KEEP_ALIVE);
            return bucket.tryAcquire(1, maxWait);
        }
    }

    private RRateLimiter bucket(RateLimit limit, String key) {
        // the rate is part of the name: trySetRate keeps an existing bucket's old rate, so a changed
        // budget must land in a new bucket rather than silently keep the old one for an hour
        String name = "luckify:rate:%s:%d/%ds:%s".formatted(limit.name(), limit.permits(), limit.interval().toSeconds(), key);
        RRateLimiter bucket = redisson.getRateLimiter(name);
        if (configured.getIfPresent(name) == null) {
            bucket.trySetRate(RateType.OVERALL, limit.permits(), limit.interval(), KEEP_ALIVE);
            configured.put(name, Boolean.TRUE);
        }
        return bucket;
    }

    /** Redis may lose a bucket this process configured (a flush, an eviction, its idle expiry): set it again. */
    private static boolean tryAcquire(RRateLimiter bucket, RateLimit limit) {
        try {
            return bucket.tryAcquire();
        } catch (RedisException e) {
            if (e.getMessage() == null || !e.getMessage().contains("not initialized")) {
                throw e;
            }
            bucket.trySetRate(RateType.OVERALL, limit.permits(), limit.interval(), KEEP_ALIVE);
            return bucket.tryAcquire();
        }
    }

    /** A named budget: {@code permits} per {@code interval}. */
    public record RateLimit(String name, long permits, Duration interval) {

        public RateLimit {
            if (permits < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("rate limit " + name + " needs permits >= 1 and a positive interval");
            }
        }
    }
}
