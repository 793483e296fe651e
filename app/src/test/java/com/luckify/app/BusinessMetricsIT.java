package com.luckify.app;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.common.OutboxGauges;
import com.luckify.common.RateLimiter;
import com.luckify.common.RateLimiter.RateLimit;
import com.luckify.lottery.LotteryService;
import com.luckify.report.ReportFormat;
import com.luckify.report.ReportRequest;
import com.luckify.report.ReportService;
import com.luckify.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an operator sees on {@code /actuator/prometheus}: given real requests, draws, reports and job runs, then the
 * business metrics count them by outcome; and every metric the shipped dashboard and alert rules query is exported by
 * the running application, and the rules pass {@code promtool check rules}.
 */
class BusinessMetricsIT extends IntegrationTest {

    private static final Path OPS = Path.of("..", "ops");

    @Autowired
    DrawLauncher draws;

    @Autowired
    ReconciliationLauncher reconciliation;

    @Autowired
    LotteryService lotteryService;

    @Autowired
    ReportService reports;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    OutboxGauges outboxGauges;

    @Autowired
    RedissonClient redisson;

    @Test
    void instantAttemptsAreCountedByOutcome() {
        String owner = newUserToken();
        long certain = createLottery(owner, lottery(3, 0, prize(1, 1, 1_000_000)));
        String first = newUserToken();
        String second = newUserToken();
        Metrics before = scrape();

        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + certain + "}", first);
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + certain + "}", first);
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + certain + "}", second);

        Metrics after = scrape();
        assertThat(after.delta(before, "luckify_instant_attempts_total", Map.of("outcome", "won"))).isEqualTo(1);
        assertThat(after.delta(before, "luckify_instant_attempts_total", Map.of("outcome", "already_entered")))
                .isEqualTo(1);
        assertThat(after.delta(before, "luckify_instant_attempts_total", Map.of("outcome", "sold_out"))).isEqualTo(1);
    }

    @Test
    void checkInsPointsAndTheWritersBatchesAreCounted() {
        String user = newUserToken();
        Metrics before = scrape();

        assertThat(api.post("/checkin/v1/checkin", "", user).code()).isEqualTo(200);
        assertThat(api.post("/checkin/v1/checkin", "", user).code()).isEqualTo(700006);

        Metrics after = scrape();
        assertThat(after.delta(before, "luckify_checkins_total", Map.of("result", "recorded"))).isEqualTo(1);
        assertThat(after.delta(before, "luckify_checkins_total", Map.of("result", "repeat"))).isEqualTo(1);
        assertThat(after.delta(before, "luckify_points_granted_total", Map.of("source", "checkin")))
                .as("the day-1 reward").isPositive();
        assertThat(after.delta(before, "luckify_groupcommit_batch_size_count", Map.of("writer", "checkin-writer")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDrawAReportAndAReconciliationRunAreCounted() throws Exception {
        Metrics before = scrape();
        long drawn = drawnLottery();
        reports.renderToBytes(ReportRequest.drawAudit(drawn, ReportFormat.CSV));
        long instant = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        long prizeId = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ?", Long.class, instant);
        redisson.getMap("luckify:instant:{" + instant + "}:state", StringCodec.INSTANCE).put("stock:" + prizeId, "9");
        assertThat(reconciliation.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Metrics after = scrape();
        assertThat(after.delta(before, "luckify_draw_duration_seconds_count", Map.of("result", "completed"))).isEqualTo(1);
        assertThat(after.delta(before, "luckify_draw_participants_sum", Map.of())).isEqualTo(3);
        assertThat(after.delta(before, "luckify_reports_render_seconds_count",
                Map.of("report", "draw_audit", "format", "csv", "result", "rendered"))).isEqualTo(1);
        assertThat(after.delta(before, "luckify_reconciliation_findings_total", Map.of("kind", "INSTANT_STOCK")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSpentBudgetIsCountedByItsName() {
        RateLimit tiny = new RateLimit("metrics-test", 1, Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();
        Metrics before = scrape();

        rateLimiter.defer(java.util.List.of(new RateLimiter.Charge(tiny, key))).refused();
        boolean refused = rateLimiter.defer(java.util.List.of(new RateLimiter.Charge(tiny, key))).refused();

        assertThat(refused).isTrue();
        assertThat(scrape().delta(before, "luckify_ratelimit_refusals_total", Map.of("budget", "metrics-test")))
                .isEqualTo(1);
    }

    @Test
    void theOutboxGaugesShowEventsNotYetHandled() {
        // an event recorded but not relayed yet: the relay is paused by nothing here, so read right after writing it
        jdbc.update("INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload, create_time) "
                + "VALUES ('MetricsProbe', 'test', 1, '{}', NOW(3) - INTERVAL 10 MINUTE)");
        try {
            outboxGauges.refresh();
            Metrics now = scrape();
            assertThat(now.value("luckify_outbox_oldest_undelivered_age_seconds", Map.of()))
                    .as("the probe is ten minutes old").isGreaterThanOrEqualTo(590);
            assertThat(now.value("luckify_outbox_unpublished", Map.of())).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.update("UPDATE outbox_event SET published_time = NOW(3) WHERE event_type = 'MetricsProbe'");
            outboxGauges.refresh();
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExportedAndTheRulesAreValid() throws Exception {
        // the series made on first use: a check-in, an instant win, a draw, a report, a spent budget
        String user = newUserToken();
        api.post("/checkin/v1/checkin", "", user);
        long instant = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 1_000_000)));
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + instant + "}", user);
        long drawn = drawnLottery();
        reports.renderToBytes(ReportRequest.drawAudit(drawn, ReportFormat.CSV));
        aSpentBudgetIsCountedByItsName();
        long prizeId = jdbc.queryForObject("SELECT id FROM prize WHERE lottery_id = ?", Long.class, instant);
        redisson.getMap("luckify:instant:{" + instant + "}:state", StringCodec.INSTANCE).put("stock:" + prizeId, "9");
        reconciliation.run();

        String exported = new String(api.get("/actuator/prometheus").body(), StandardCharsets.UTF_8);
        Set<String> queried = new TreeSet<>();
        queried.addAll(metricNames(Files.readString(OPS.resolve("prometheus/luckify-alerts.yml"))));
        queried.addAll(metricNames(Files.readString(OPS.resolve("grafana/luckify-overview.json"))));
        assertThat(queried).hasSizeGreaterThan(20);
        for (String metric : queried) {
            // a series, or a family (a timer's name in a runbook) announced by its TYPE line
            assertThat(Pattern.compile("(?m)^(# TYPE )?" + metric + "[{ ]").matcher(exported).find())
                    .as("%s is queried by a dashboard or an alert rule and must be exported", metric).isTrue();
        }

        Process promtool = new ProcessBuilder("promtool", "check", "rules",
                OPS.resolve("prometheus/luckify-alerts.yml").toString()).redirectErrorStream(true).start();
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 8 rules found");
    }

    private long drawnLottery() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, lottery(1, 0, prize(1, 1)));
        for (String player : bulkUserTokens(3)) {
            api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", player);
        }
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        assertThat(draws.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return lotteryId;
    }

    /** The metric names an expression file queries: Luckify's own and the HTTP, JVM and Hikari ones it relies on. */
    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\b((?:luckify|http_server|jvm|hikaricp)_[a-z0-9_]+)").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private Metrics scrape() {
        return new Metrics(new String(api.get("/actuator/prometheus").body(), StandardCharsets.UTF_8));
    }

    /** A Prometheus text exposition, summed over the series whose labels include the given ones. */
    private record Metrics(String text) {

        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        double value(String name, Map<String, String> labels) {
            double sum = 0;
            for (String line : text.split("\n")) {
                Matcher matcher = LINE.matcher(line);
                if (line.startsWith("#") || !matcher.matches() || !matcher.group(1).equals(name)) {
                    continue;
                }
                Map<String, String> found = new java.util.HashMap<>();
                Matcher label = LABEL.matcher(matcher.group(3) == null ? "" : matcher.group(3));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
                if (found.entrySet().containsAll(labels.entrySet())) {
                    sum += Double.parseDouble(matcher.group(4));
                }
            }
            return sum;
        }

        double delta(Metrics before, String name, Map<String, String> labels) {
            return value(name, labels) - before.value(name, labels);
        }
    }
}
