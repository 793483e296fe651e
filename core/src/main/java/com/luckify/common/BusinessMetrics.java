package com.luckify.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The business metrics, in one place so that their names, tags and the README's table ("Operations", metrics) stay
 * one list. Every name starts with {@code luckify.} (Prometheus: {@code luckify_..._total}, {@code _seconds}); tags
 * take only a few fixed values each (an outcome, a budget, a cache, a report), never a user, a lottery or a path.
 * Counters are made on first use and then found by Micrometer's own lookup, which costs a map read per call.
 */
@Component
public class BusinessMetrics {

    /** What an instant attempt ended as. */
    public enum InstantOutcome {
        WON, LOST, SOLD_OUT, ALREADY_ENTERED, FAILED_CLOSED, REFUSED, ERROR;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    // the hot paths' counters, made once: an instant attempt or a check-in does not build a meter id each time
    private final Map<InstantOutcome, Counter> instantAttempts = new EnumMap<>(InstantOutcome.class);

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        // the series of fixed outcomes exist from the start at 0: rates and alerts see "none yet", not "no data"
        for (InstantOutcome outcome : InstantOutcome.values()) {
            instantAttempts.put(outcome, Counter.builder("luckify.instant.attempts")
                    .description("instant-win attempts by outcome").tag("outcome", outcome.tag()).register(registry));
        }
        for (String result : new String[] {"recorded", "repeat"}) {
            counter("luckify.checkins", "result", result);
        }
        for (String result : new String[] {"delivered", "retried", "dead_lettered"}) {
            counter("luckify.event.deliveries", "result", result);
        }
        for (String result : new String[] {"sent", "already_notified", "not_sendable", "dead"}) {
            counter("luckify.notifications", "result", result);
        }
        for (String cause : new String[] {"service", "database"}) {
            counter("luckify.api.busy", "cause", cause);
        }
        for (String result : new String[] {"completed", "failed", "stopped"}) {
            Timer.builder("luckify.draw.duration").tag("result", result).register(registry);
        }
        Counter.builder("luckify.instant.reservations.given.back").register(registry);
    }

    private void counter(String name, String tag, String value) {
        Counter.builder(name).tag(tag, value).register(registry);
    }

    public void instantAttempt(InstantOutcome outcome) {
        instantAttempts.get(outcome).increment();
    }

    /** A reservation Redis made for an attempt that did not stand, handed back. */
    public void reservationGivenBack() {
        Counter.builder("luckify.instant.reservations.given.back")
                .description("instant-win reservations given back to Redis").register(registry).increment();
    }

    /** A draw job's run: {@code result} completed, failed, or stopped; its duration and participants. */
    public void draw(String result, Duration duration, long participants) {
        Timer.builder("luckify.draw.duration").description("draw job runs by result").tag("result", result)
                .register(registry).record(duration);
        if (participants >= 0) {
            DistributionSummary.builder("luckify.draw.participants").description("participants of completed draws")
                    .register(registry).record(participants);
        }
    }

    /** A check-in answered: {@code result} recorded or repeat. */
    public void checkin(String result) {
        Counter.builder("luckify.checkins").description("check-ins by result").tag("result", result)
                .register(registry).increment();
    }

    /** Points credited to users, by what earned them (check-in, task, ...). */
    public void pointsGranted(String source, long points) {
        Counter.builder("luckify.points.granted").description("points credited, by source")
                .tag("source", source).register(registry).increment(points);
    }

    /** A request refused because its budget was spent ({@code 100010}). */
    public void rateLimited(String budget) {
        Counter.builder("luckify.ratelimit.refusals").description("requests refused by a spent budget, by budget")
                .tag("budget", budget).register(registry).increment();
    }

    /**
     * An answer of "busy, try again": {@code service} (100012: a queue full, Redis or WeChat too slow) or
     * {@code database} (100005: no connection in time, a deadlock, the database away).
     */
    public void busy(String cause) {
        Counter.builder("luckify.api.busy").description("requests answered busy, by cause").tag("cause", cause)
                .register(registry).increment();
    }

    /** One group-commit batch written: how many writes it held, and how long its first one waited. */
    public void groupCommitBatch(String writer, int size, Duration oldestWait) {
        DistributionSummary.builder("luckify.groupcommit.batch.size").description("writes per group-commit batch")
                .tag("writer", writer).register(registry).record(size);
        Timer.builder("luckify.groupcommit.wait").description("time a write waited for its batch to be taken")
                .tag("writer", writer).register(registry).record(oldestWait);
    }

    /** Event deliveries to consumers: delivered, retried (failed, tried again later) or dead_lettered. */
    public void eventDeliveries(String result, long count) {
        Counter.builder("luckify.event.deliveries").description("event deliveries to consumers, by result")
                .tag("result", result).register(registry).increment(count);
    }

    /** A notice (WeChat subscribe message) by what became of it: sent, already_notified, not_sendable, dead. */
    public void notification(String result) {
        Counter.builder("luckify.notifications").description("notifications by result").tag("result", result)
                .register(registry).increment();
    }

    /** A report rendered (or failed), by report and format. */
    public void reportRendered(String report, String format, String result, Duration duration) {
        Timer.builder("luckify.reports.render").description("reports rendered, by report, format and result")
                .tag("report", report).tag("format", format).tag("result", result).register(registry).record(duration);
    }

    /** Findings of the reconciliation job, by kind. */
    public void reconciliationFindings(String kind, long count) {
        Counter.builder("luckify.reconciliation.findings").description("reconciliation findings, by kind")
                .tag("kind", kind).register(registry).increment(count);
    }

    /** For meters read from a component's own counters when scraped ({@code luckify.cache.reads}, outbox gauges). */
    public MeterRegistry registry() {
        return registry;
    }
}
