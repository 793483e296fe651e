package com.luckify.common;

import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Rate budgets kept in Redis, so every replica shares one budget per key; each permit is one script call,
 * one round trip (Redisson's own limiter needs a second one to configure each new bucket, and every user's
 * first instant attempt or upload has a new bucket). A refused request fails at once with
 * {@link ErrorCode#TOO_MANY_REQUESTS}; only jobs that pace themselves wait for a permit.
 */
@Component
public class RateLimiter {

    private static final String SCRIPT = LuaScripts.load(RateLimiter.class, "rate-limit.lua");

    private final RScript redis;

    public RateLimiter(RedissonClient redisson) {
        this.redis = redisson.getScript(StringCodec.INSTANCE);
    }

    /**
     * Takes one permit of {@code limit} for {@code key}, or throws {@link BusinessException} with
     * {@link ErrorCode#TOO_MANY_REQUESTS}.
     */
    public void acquire(RateLimit limit, String key) {
        if (millisUntilPermit(limit, key) > 0) {
            throw BusinessException.of(ErrorCode.TOO_MANY_REQUESTS);
        }
    }

    /** Waits up to {@code maxWait} for a permit (for jobs that pace themselves); false when none came. */
    public boolean awaitPermit(RateLimit limit, String key, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (long wait = millisUntilPermit(limit, key); wait > 0; wait = millisUntilPermit(limit, key)) {
            if (System.nanoTime() + wait * 1_000_000 > deadline) {
                return false;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** 0 when a permit was taken; otherwise none was, and this is how long until one would be. */
    private long millisUntilPermit(RateLimit limit, String key) {
        // the budget is part of the name, so a changed budget starts a fresh bucket
        String name = "luckify:rate-budget:%s:%d/%dms:%s".formatted(limit.name(), limit.permits(),
                limit.interval().toMillis(), key);
        Long wait = redis.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LONG, List.of(name),
                Long.toString(limit.interval().toMillis()), Long.toString(limit.permits()));
        return wait == null ? 0 : wait;
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
