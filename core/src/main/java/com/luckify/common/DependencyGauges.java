package com.luckify.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether this process reaches its database and Redis, as {@code luckify_dependency_up{dependency=database|redis}}
 * (1 or 0), for the "down" alerts: each is asked every {@code luckify.metrics.dependency-check} (15 s) on a thread of
 * the scheduler, never on a request's. A process that cannot reach one says 0 even while the others can, which is what
 * an operator needs to know: that process is degraded.
 */
@Component
public class DependencyGauges {

    private static final Logger log = LoggerFactory.getLogger(DependencyGauges.class);

    private final JdbcTemplate jdbc;
    private final RedissonClient redisson;
    private volatile boolean databaseUp = true;
    private volatile boolean redisUp = true;

    DependencyGauges(JdbcTemplate jdbc, RedissonClient redisson, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.redisson = redisson;
        Gauge.builder("luckify.dependency.up", this, gauges -> gauges.databaseUp ? 1 : 0).tag("dependency", "database")
                .description("1 while this process reaches the dependency, 0 while it does not").register(registry);
        Gauge.builder("luckify.dependency.up", this, gauges -> gauges.redisUp ? 1 : 0).tag("dependency", "redis")
                .description("1 while this process reaches the dependency, 0 while it does not").register(registry);
    }

    @Scheduled(fixedDelayString = "${luckify.metrics.dependency-check:15s}")
    public void check() {
        databaseUp = answers("database", () -> jdbc.queryForObject("SELECT 1", Integer.class));
        redisUp = answers("redis", () -> redisson.getKeys().count());
    }

    private static boolean answers(String dependency, Runnable ping) {
        try {
            ping.run();
            return true;
        } catch (RuntimeException e) {
            log.debug("{} does not answer: {}", dependency, e.toString());
            return false;
        }
    }
}
