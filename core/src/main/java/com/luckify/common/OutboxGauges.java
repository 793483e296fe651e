package com.luckify.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far behind the event flow is, as gauges: {@code luckify_outbox_unpublished}, {@code luckify_outbox_undelivered},
 * {@code luckify_event_dead_letters} and {@code luckify_outbox_oldest_undelivered_age_seconds}. Read from MySQL every
 * {@code luckify.metrics.outbox-refresh} (15 s) rather than on every scrape, so several Prometheus servers or a
 * tight scrape interval cost the database nothing more. Every process reports the same figures (they are the
 * database's): dashboards take the max over instances.
 */
@Component
public class OutboxGauges {

    private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

    private final OutboxLagMapper lag;
    private final int maxAttempts;
    private volatile OutboxLagMapper.Lag last = new OutboxLagMapper.Lag(0, 0, 0, 0);

    OutboxGauges(OutboxLagMapper lag, MeterRegistry registry, @Value("${luckify.events.max-attempts:10}") int maxAttempts) {
        this.lag = lag;
        this.maxAttempts = maxAttempts;
        Gauge.builder("luckify.outbox.unpublished", this, gauges -> gauges.last.unpublished())
                .description("outbox events not yet relayed").register(registry);
        Gauge.builder("luckify.outbox.undelivered", this, gauges -> gauges.last.undelivered())
                .description("event deliveries still to be handled (attempts left)").register(registry);
        Gauge.builder("luckify.event.dead.letters", this, gauges -> gauges.last.deadLetters())
                .description("event deliveries whose attempts are spent (console: event dead letters)").register(registry);
        Gauge.builder("luckify.outbox.oldest.undelivered.age", this, gauges -> gauges.last.oldestAgeSeconds())
                .description("age of the oldest event not yet relayed or handled").baseUnit("seconds").register(registry);
    }

    @Scheduled(fixedDelayString = "${luckify.metrics.outbox-refresh:15s}", initialDelayString = "${luckify.metrics.outbox-refresh:15s}")
    public void refresh() {
        try {
            last = lag.lag(maxAttempts);
        } catch (RuntimeException e) {
            // the gauges keep their last figures; the database's own alert tells why
            log.debug("outbox lag not read: {}", e.toString());
        }
    }
}
