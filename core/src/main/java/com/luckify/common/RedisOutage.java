package com.luckify.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one user of Redis that can go on without it knows about an outage: after a command failed, callers skip
 * Redis instead of each waiting for a timeout (a stalled Redis costs {@code spring.data.redis.timeout} per command)
 * or a refused connection, and one caller a second asks Redis again. Logs once when the outage starts and once when
 * it ends, not once a request.
 */
public final class RedisOutage {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);
    private static final long PROBE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final String user;
    private final String meanwhile;
    private final AtomicLong nextProbe = new AtomicLong();
    private volatile boolean failing;

    /**
     * {@code user} names what uses Redis ("comment ranking snapshots"), {@code meanwhile} what happens without it
     * ("most-liked pages continue by likes"); both go into the log lines.
     */
    public RedisOutage(String user, String meanwhile) {
        this.user = user;
        this.meanwhile = meanwhile;
    }

    /** True while Redis is taken for away, except for the one caller whose turn it is to ask it again. */
    public boolean skipRedis() {
        if (!failing) {
            return false;
        }
        long probeAt = nextProbe.get();
        return System.nanoTime() - probeAt < 0
                || !nextProbe.compareAndSet(probeAt, System.nanoTime() + PROBE_INTERVAL_NANOS);
    }

    /** A command failed: Redis is skipped for a second (then asked by one caller), and the start is logged once. */
    public void failed(RuntimeException failure) {
        nextProbe.set(System.nanoTime() + PROBE_INTERVAL_NANOS);
        if (!failing) {
            failing = true;
            log.warn("{}: Redis does not answer, {} until it does: {}", user, meanwhile, failure.toString());
        }
    }

    /** A command was answered: the outage, if there was one, is over. */
    public void answered() {
        if (failing) {
            failing = false;
            log.info("{}: Redis answers again", user);
        }
    }
}
