package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.PrivateMariaDb;
import com.luckify.support.OwnRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MariaDB killed with SIGKILL under instant-win load and restarted on the same data directory and port: a real
 * Luckify process against a MariaDB and a Redis of the test's own, 24 threads making instant attempts over HTTP
 * throughout. Nothing acknowledged is lost (every attempt answered 200 is its row in MySQL, with the prize it was
 * told), no unit is sold twice (each prize's stock is its count less its winners), an attempt MySQL could not take is
 * answered "busy" (503, 100012) or "database busy" (100005), readiness says "not ready" while MySQL is away and
 * liveness does not, and the same process serves attempts again within seconds of the restart.
 */
class MariaDbRestartIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    private static final int THREADS = 24;
    private static final int USERS = 40_000;
    /** How long MariaDB stays away: about what a restart of a real one takes. */
    private static final long OUTAGE_MILLIS = 5_000;
    /**
     * The longest an attempt may wait for its answer meanwhile: the instant writer's queue wait (2 s), a pooled
     * connection's wait (3 s) for its batch and one for the stock read after a win, and room for a busy machine.
     */
    private static final long SLOWEST_MILLIS = 10_000;

    @Test
    void mariaDbKilledUnderLoadLosesNothingAcknowledgedAndIsUsedAgainWithoutARestart() throws Exception {
        int port = LuckifyProcesses.freePort();
        try (PrivateMariaDb mariaDb = PrivateMariaDb.start("luckify_crash");
                OwnRedis redis = OwnRedis.start(LuckifyProcesses.freePort(), "mariadb-restart");
                LuckifyProcesses processes = new LuckifyProcesses()) {
            processes.start("mariadb-restart", "--luckify.roles=api", "--server.port=" + port,
                    "--spring.datasource.url=" + mariaDb.jdbcUrl(), "--spring.data.redis.port=" + redis.port());
            ApiClient luckify = new ApiClient(port);
            JdbcTemplate db = mariaDb.jdbc();
            // Flyway migrates the empty database as the process starts
            await("the process answering", 120, () -> status(luckify, "/actuator/health/readiness") == 200);

            // given users made straight in that database, and an instant lottery with a large prize and a small one
            // that sells out under the load
            List<Long> users = makeUsers(db);
            Response created = luckify.post("/lottery/v1/lottery/createLottery",
                    lottery(3, 0, prize(1, 10_000, 300_000), prize(2, 300, 200_000)), tokens.issue(users.get(0)).accessToken());
            assertThat(created.code()).as("%s", created).isEqualTo(200);
            long lotteryId = created.data().path("id").asLong();

            // when 24 threads make attempts, each as a user of its own, and MariaDB is killed and restarted meanwhile
            Load load = new Load(luckify, lotteryId, users.subList(1, users.size()));
            load.start();
            long restartedAt;
            try {
                await("attempts acknowledged before the crash", 30, () -> load.acknowledged() >= 300);
                mariaDb.kill();
                long killedAt = System.nanoTime();
                // then readiness takes the replica out of the load balancer while MySQL is away; liveness does not
                await("readiness DOWN while MySQL is away", 10,
                        () -> status(luckify, "/actuator/health/readiness") == 503);
                assertThat(status(luckify, "/actuator/health/liveness")).isEqualTo(200);
                Thread.sleep(Math.max(0, OUTAGE_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)));
                mariaDb.startAgain();
                restartedAt = System.nanoTime();
                // and the same process serves again within seconds of MySQL's return
                await("attempts acknowledged again after the restart", 15, () -> load.acknowledgedAfter(restartedAt) > 0);
                await("ready again", 10, () -> status(luckify, "/actuator/health/readiness") == 200);
                Thread.sleep(3_000);
            } finally {
                load.stop();
            }
            System.out.printf("MariaDbRestartIT: answers %s; slowest %d ms; first acknowledged %d ms after the restart%n",
                    load.outcomes(), load.slowestMillis(),
                    TimeUnit.NANOSECONDS.toMillis(load.firstAcknowledgedAfter(restartedAt) - restartedAt));
            assertThat(load.acknowledgedAfter(restartedAt)).as("acknowledged after the restart").isGreaterThan(50);
            // and while MySQL was away the users were told "busy" or "database busy", never "server error", each within
            // the writer's queue wait and one wait for a pooled connection or two, not one pool wait per queued write
            assertThat(load.outcomes().keySet()).as("HTTP status/code of the answers")
                    .isSubsetOf("200/200", "503/100012", "500/100005");
            assertThat(load.slowestMillis()).as("slowest answer (ms)").isLessThan(SLOWEST_MILLIS);

            // then every acknowledged attempt is its entry in MySQL, with the prize the user was told of
            Map<Long, Long> stored = new TreeMap<>();
            db.query("SELECT user_id, COALESCE(prize_id, 0) AS prize_id FROM lottery_participation WHERE lottery_id = ?",
                    row -> {
                        stored.put(row.getLong("user_id"), row.getLong("prize_id"));
                    }, lotteryId);
            Map<Long, Long> acknowledged = load.acknowledgedPrizes();
            assertThat(stored).as("entries in MySQL").containsAllEntriesOf(acknowledged);
            assertThat(acknowledged.values()).as("some attempts won").anyMatch(prize -> prize > 0);
            // and each prize's stock is its count less its winners, never below zero: no unit sold twice
            for (Map<String, Object> prize : db.queryForList("SELECT id, `count`, stock FROM prize WHERE lottery_id = ?",
                    lotteryId)) {
                long prizeId = ((Number) prize.get("id")).longValue();
                long count = ((Number) prize.get("count")).longValue();
                long wins = stored.values().stream().filter(won -> won == prizeId).count();
                assertThat(wins).as("winners of prize %d", prizeId).isLessThanOrEqualTo(count);
                assertThat(((Number) prize.get("stock")).longValue()).as("stock of prize %d", prizeId)
                        .isEqualTo(count - wins);
            }
        }
    }

    /** {@link #USERS} users in the private database, in one multi-row insert per 5,000; their ids in order. */
    private static List<Long> makeUsers(JdbcTemplate db) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            rows.add(new Object[] {"load-" + i});
        }
        for (int from = 0; from < USERS; from += 5_000) {
            db.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", rows.subList(from, Math.min(USERS, from + 5_000)));
        }
        return db.queryForList("SELECT id FROM `user` WHERE nickname LIKE 'load-%' ORDER BY id", Long.class);
    }

    private static int status(ApiClient client, String path) {
        try {
            return client.get(path).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** One attempt's answer: HTTP status (-1 when none came), envelope code, won prize, when it came, how long it took. */
    private record Outcome(long userId, int status, int code, long prizeId, long answeredAt, long millis) {

        boolean acknowledged() {
            return status == 200 && code == 200;
        }

        String kind() {
            return status + "/" + code;
        }
    }

    /** The attempts: each user once, from {@link #THREADS} threads, until stopped or out of users. */
    private final class Load {

        private final ApiClient client;
        private final long lotteryId;
        private final List<Long> users;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

        Load(ApiClient client, long lotteryId, List<Long> users) {
            this.client = client;
            this.lotteryId = lotteryId;
            this.users = users;
        }

        void start() {
            for (int i = 0; i < THREADS; i++) {
                threads.submit(this::attempts);
            }
        }

        private void attempts() {
            for (int i = next.getAndIncrement(); i < users.size() && !stopped.get(); i = next.getAndIncrement()) {
                long userId = users.get(i);
                String token = tokens.issue(userId).accessToken();
                long sent = System.nanoTime();
                int status = -1;
                int code = -1;
                long prizeId = 0;
                try {
                    Response answer = client.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", token);
                    status = answer.status();
                    code = answer.code();
                    prizeId = code == 200 ? answer.data().path("prizeId").asLong() : 0;
                } catch (RuntimeException e) {
                    // no answer within the client's timeout: counted as such
                }
                long answered = System.nanoTime();
                outcomes.add(new Outcome(userId, status, code, prizeId, answered,
                        TimeUnit.NANOSECONDS.toMillis(answered - sent)));
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("load threads ended").isTrue();
        }

        long acknowledged() {
            return outcomes.stream().filter(Outcome::acknowledged).count();
        }

        long acknowledgedAfter(long nanos) {
            return outcomes.stream().filter(o -> o.acknowledged() && o.answeredAt() - nanos > 0).count();
        }

        long firstAcknowledgedAfter(long nanos) {
            return outcomes.stream().filter(o -> o.acknowledged() && o.answeredAt() - nanos > 0)
                    .mapToLong(Outcome::answeredAt).min().orElse(nanos);
        }

        Map<Long, Long> acknowledgedPrizes() {
            return outcomes.stream().filter(Outcome::acknowledged)
                    .collect(Collectors.toMap(Outcome::userId, Outcome::prizeId));
        }

        long slowestMillis() {
            return outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
        }

        Map<String, Long> outcomes() {
            return outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting()));
        }
    }
}
