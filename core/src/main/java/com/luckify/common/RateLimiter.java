package com.luckify.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rate budgets kept in Redis, so every replica shares one budget per key. One script call charges all the budgets
 * of a request, or of a whole batch of requests, in one round trip (Redisson's own limiter needs a second one to
 * configure each new bucket, and every user's first instant attempt or upload has a new bucket). The buckets share
 * one hash tag, so that call is legal on a Redis Cluster too (all budgets live on one node; they are small and
 * cheap). A refused request fails at once with {@link ErrorCode#TOO_MANY_REQUESTS}; only jobs that pace themselves
 * wait for a permit.
 *
 * <p>Budgets are disposable state, like a cache: while Redis does not answer, {@link #acquire} lets requests
 * through unmetered rather than failing reads and writes that do not otherwise need Redis, and asks Redis again
 * once a second (one caller at a time, {@link RedisOutage}), so an outage costs each request no Redis timeout.
 */
@Component
public class RateLimiter {

    private static final String SCRIPT = LuaScripts.load(RateLimiter.class, "rate-limit.lua");

    private final RScript redis;
    private final RedisOutage outage = new RedisOutage("rate budgets", "requests pass unmetered");

    private volatile BusinessMetrics metrics;

    public RateLimiter(RedissonClient redisson) {
        this.redis = redisson.getScript(StringCodec.INSTANCE);
    }

    /** Refusals go to {@code luckify_ratelimit_refusals_total}, tagged with the budget's name. */
    @Autowired(required = false)
    public void setMetrics(BusinessMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Takes one permit of {@code limit} for {@code key}, or throws {@link BusinessException} with
     * {@link ErrorCode#TOO_MANY_REQUESTS}.
     */
    public void acquire(RateLimit limit, String key) {
        acquire(List.of(new Charge(limit, key)));
    }

    /**
     * Takes one permit of each charge's budget, or throws {@link BusinessException} with
     * {@link ErrorCode#TOO_MANY_REQUESTS} when any has none; a refused request still spends the permits of the
     * budgets that had one.
     */
    public void acquire(List<Charge> charges) {
        if (defer(charges).refused()) {
            throw BusinessException.of(ErrorCode.TOO_MANY_REQUESTS);
        }
    }

    /**
     * The charges of a write that waits in a queue anyway (a group commit), charged later: by {@link #settle}
     * together with the rest of its batch, one round trip for all, or alone when its {@link Permit#refused} is
     * asked first. The same rules as {@link #acquire}: every charge is spent, and while Redis does not answer the
     * write passes unmetered.
     */
    public Permit defer(List<Charge> charges) {
        return charges.isEmpty() ? Permit.GRANTED : new DeferredPermit(List.copyOf(charges));
    }

    /** Charges every permit of {@code permits} not charged yet, in one script call; each is answered after. */
    public void settle(Collection<Permit> permits) {
        List<DeferredPermit> open = new ArrayList<>();
        for (Permit permit : permits) {
            if (permit instanceof DeferredPermit deferred && !deferred.answered()) {
                open.add(deferred);
            }
        }
        if (open.isEmpty()) {
            return;
        }
        List<Charge> charges = open.stream().flatMap(deferred -> deferred.charges.stream()).toList();
        long[] waits = charged(charges);
        int at = 0;
        for (DeferredPermit deferred : open) {
            boolean refused = false;
            for (int i = 0; i < deferred.charges.size(); i++) {
                refused |= waits[at++] > 0;
            }
            deferred.answer(refused);
        }
    }

    /** A budget's answer, asked for when it is needed. */
    @FunctionalInterface
    public interface Permit {

        Permit GRANTED = () -> false;

        /** Charges the budgets if that has not happened yet; the same answer every time it is asked. */
        boolean refused();
    }

    private final class DeferredPermit implements Permit {

        private final List<Charge> charges;
        private volatile Boolean refused;

        DeferredPermit(List<Charge> charges) {
            this.charges = charges;
        }

        boolean answered() {
            return refused != null;
        }

        synchronized void answer(boolean refused) {
            if (this.refused == null) {
                this.refused = refused;
            }
        }

        @Override
        public boolean refused() {
            if (refused == null) {
                settle(List.of(this));
            }
            return refused;
        }
    }

    /**
     * Each charge's wait in milliseconds (0: granted), all in one script call; all 0 while Redis does not answer
     * (unmetered) or when it fails now.
     */
    private long[] charged(List<Charge> charges) {
        long[] waits = new long[charges.size()];
        if (outage.skipRedis()) {
            return waits;
        }
        List<Object> keys = new ArrayList<>(charges.size());
        Object[] argv = new Object[charges.size() * 2];
        for (int i = 0; i < charges.size(); i++) {
            RateLimit limit = charges.get(i).limit();
            keys.add(bucket(charges.get(i)));
            argv[2 * i] = Long.toString(limit.interval().toMillis());
            argv[2 * i + 1] = Long.toString(limit.permits());
        }
        List<Long> answers;
        try {
            answers = redis.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST, keys, argv);
        } catch (RedisException e) {
            outage.failed(e);
            return waits;
        }
        outage.answered();
        BusinessMetrics sink = metrics;
        for (int i = 0; i < waits.length; i++) {
            waits[i] = answers.get(i);
            if (waits[i] > 0 && sink != null) {
                sink.rateLimited(charges.get(i).limit().name());
            }
        }
        return waits;
    }

    /**
     * Waits up to {@code maxWait} for a permit (for jobs that pace themselves); false when none came. Unlike
     * {@link #acquire}, a Redis failure is thrown: a job has nothing to answer and can try again later.
     */
    public boolean awaitPermit(RateLimit limit, String key, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Charge charge = new Charge(limit, key);
        for (long wait = millisUntilPermit(charge); wait > 0; wait = millisUntilPermit(charge)) {
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
    private long millisUntilPermit(Charge charge) {
        List<Long> wait = redis.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST, List.of(bucket(charge)),
                argv(charge.limit()));
        return wait.get(0);
    }

    private static Object bucket(Charge charge) {
        RateLimit limit = charge.limit();
        // the budget is part of the name, so a changed budget starts a fresh bucket; the hash tag puts every bucket
        // in one Cluster slot, so one script may charge several
        return "luckify:{rate-budget}:%s:%d/%dms:%s".formatted(limit.name(), limit.permits(),
                limit.interval().toMillis(), charge.key());
    }

    private static Object[] argv(RateLimit limit) {
        return new Object[] {Long.toString(limit.interval().toMillis()), Long.toString(limit.permits())};
    }

    /** A named budget: {@code permits} per {@code interval}. */
    public record RateLimit(String name, long permits, Duration interval) {

        public RateLimit {
            if (permits < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("rate limit " + name + " needs permits >= 1 and a positive interval");
            }
        }
    }

    /** One permit of {@code limit}'s budget for {@code key} (a user id, a client address, an account). */
    public record Charge(RateLimit limit, String key) {
    }
}
