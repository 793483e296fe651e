package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.answersApi;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.OwnRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Redis restarted empty ({@code SHUTDOWN NOSAVE}, then a fresh server on the same port) under two real Luckify
 * processes answering instant attempts from several threads, in turn as a balancer would send them: the lottery fails
 * closed while its state is missing, is rebuilt once (by one of the two), serves again within 10 seconds of Redis
 * coming back, and nothing is oversold or answered differently from what MySQL holds.
 */
class RedisRestartIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    private static final int UNITS_1 = 200;
    private static final int UNITS_2 = 300;
    private static final int THREADS = 6;
    private static final List<String> REPLICAS = List.of("redis-restart-a", "redis-restart-b");

    @Test
    void anInstantLotteryServesAgainWithinTenSecondsOfAnEmptyRedisAndNothingIsOversold() throws Exception {
        try (OwnRedis redis = OwnRedis.start(LuckifyProcesses.freePort(), "restart");
                LuckifyProcesses processes = new LuckifyProcesses()) {
            List<ApiClient> replicas = new ArrayList<>();
            for (String replica : REPLICAS) {
                int port = LuckifyProcesses.freePort();
                processes.start(replica, "--luckify.roles=api", "--server.port=" + port,
                        "--spring.data.redis.port=" + redis.port());
                replicas.add(new ApiClient(port));
            }
            for (ApiClient replica : replicas) {
                await("the processes answering", 60, () -> answersApi(replica));
            }
            ApiClient luckify = replicas.get(0);
            // given an instant lottery published through one of them (its hot state is in the test's Redis)
            Response created = luckify.post("/lottery/v1/lottery/createLottery",
                    lottery(3, 0, prize(1, UNITS_1, 100_000), prize(2, UNITS_2, 100_000)), newUserToken());
            assertThat(created.code()).as("%s", created).isEqualTo(200);
            long lotteryId = created.data().path("id").asLong();
            List<User> users = users(8_000);

            // and attempts coming from several threads to both processes in turn, each user once
            Load load = new Load(replicas, lotteryId, users);
            load.start();
            try {
                await("attempts answered before the restart", 20, () -> load.served() >= 100);

                // when Redis is shut down without saving, and a fresh empty one starts on the same port
                redis.shutdownNoSave();
                Thread.sleep(1_500);
                redis.startAgain();
                long redisBack = System.nanoTime();

                // then the lottery serves again within 10 seconds
                await("an attempt answered from rebuilt hot state", 15, () -> load.servedSince(redisBack));
                Thread.sleep(1_000);
                long firstServed = load.firstServedSince(redisBack);
                assertThat(TimeUnit.NANOSECONDS.toMillis(firstServed - redisBack))
                        .as("milliseconds from Redis back to the first attempt served").isLessThan(10_000);
            } finally {
                load.stop();
            }

            // and every answer was one of: recorded, failed closed, busy while Redis was away, sold out
            List<Answer> answers = load.answers();
            assertThat(load.failures()).as("attempts without an HTTP answer").isZero();
            assertThat(answers).extracting(Answer::code).isSubsetOf(200, 500036, 100012, 500044).contains(500036);
            // and nothing is oversold: wins within the units, stock = units - wins, per prize
            Map<Long, Integer> units = new HashMap<>();
            jdbc.queryForList("SELECT id, `count` FROM prize WHERE lottery_id = ?", lotteryId)
                    .forEach(row -> units.put(((Number) row.get("id")).longValue(), ((Number) row.get("count")).intValue()));
            for (Map.Entry<Long, Integer> prize : units.entrySet()) {
                long wins = count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND prize_id = ? "
                        + "AND is_won = 1", lotteryId, prize.getKey());
                assertThat(wins).isLessThanOrEqualTo(prize.getValue());
                assertThat(count("SELECT stock FROM prize WHERE id = ?", prize.getKey())).isEqualTo(prize.getValue() - wins);
            }
            // and MySQL holds exactly what was answered: an entry for every 200, the prize it named, nothing else
            Map<Long, Long> answered = answers.stream().filter(answer -> answer.code() == 200)
                    .collect(Collectors.toMap(Answer::userId, Answer::prizeId));
            Map<Long, Long> recorded = new HashMap<>();
            jdbc.queryForList("SELECT user_id, COALESCE(prize_id, 0) AS prize FROM lottery_participation WHERE lottery_id = ?",
                    lotteryId).forEach(row -> recorded.put(((Number) row.get("user_id")).longValue(),
                            ((Number) row.get("prize")).longValue()));
            assertThat(recorded).isEqualTo(answered);
            // and one rebuild, in one of the two processes, brought the state back
            long rebuilds = 0;
            for (String replica : REPLICAS) {
                rebuilds += Files.readString(Path.of("target", "process-" + replica + ".log")).lines()
                        .filter(line -> line.contains("instant lottery " + lotteryId + " hot state rebuilt from MySQL "
                                + "after it was found missing")).count();
            }
            assertThat(rebuilds).isEqualTo(1);
            // and once it settled, the new Redis holds MySQL's stock and entrants
            await("the rebuilt state agreeing with MySQL", 15, () -> redisAgrees(redis, lotteryId, recorded.size()));
        }
    }

    private boolean redisAgrees(OwnRedis redis, long lotteryId, int entries) {
        try {
            String key = "luckify:instant:{" + lotteryId + "}:";
            if (Integer.parseInt(redis.cli(1, "SCARD", key + "entrants")) != entries) {
                return false;
            }
            for (Map<String, Object> row : jdbc.queryForList("SELECT id, stock FROM prize WHERE lottery_id = ?", lotteryId)) {
                String stock = redis.cli(1, "HGET", key + "state", "stock:" + row.get("id"));
                if (!stock.equals(String.valueOf(row.get("stock")))) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Users made straight in the database, with their ids and real tokens. */
    private List<User> users(int n) {
        String batch = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {batch + i});
        }
        jdbc.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", rows);
        return jdbc.queryForList("SELECT id FROM `user` WHERE nickname LIKE ? ORDER BY id", Long.class, batch + "%")
                .stream().map(id -> new User(id, tokens.issue(id).accessToken())).toList();
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private record User(long id, String token) {
    }

    /** One attempt's answer: {@code sentAt} and {@code answeredAt} in {@link System#nanoTime()}. */
    private record Answer(long userId, long sentAt, long answeredAt, int code, long prizeId) {

        /** Answered from hot state (recorded, or sold out): the lottery serves. */
        boolean served() {
            return code == 200 || code == 500044;
        }
    }

    /**
     * {@link #THREADS} threads making attempts, each user once, a few milliseconds apart, to the processes in turn,
     * until stopped.
     */
    private static final class Load {

        private final List<ApiClient> replicas;
        private final long lotteryId;
        private final List<User> users;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        Load(List<ApiClient> replicas, long lotteryId, List<User> users) {
            this.replicas = replicas;
            this.lotteryId = lotteryId;
            this.users = users;
        }

        void start() {
            for (int i = 0; i < THREADS; i++) {
                Thread thread = new Thread(this::run, "restart-load-" + i);
                threads.add(thread);
                thread.start();
            }
        }

        private void run() {
            String body = "{\"lotteryId\":" + lotteryId + "}";
            while (!stopped.get()) {
                int index = next.getAndIncrement();
                if (index >= users.size()) {
                    return;
                }
                User user = users.get(index);
                long sentAt = System.nanoTime();
                try {
                    Response response = replicas.get(index % replicas.size()).post(ATTEMPT, body, user.token());
                    answers.add(new Answer(user.id(), sentAt, System.nanoTime(), response.code(),
                            response.code() == 200 ? response.data().path("prizeId").asLong() : 0));
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long served() {
            return answers.stream().filter(Answer::served).count();
        }

        boolean servedSince(long since) {
            return answers.stream().anyMatch(answer -> answer.sentAt() >= since && answer.served());
        }

        long firstServedSince(long since) {
            return answers.stream().filter(answer -> answer.sentAt() >= since && answer.served())
                    .mapToLong(Answer::answeredAt).min().orElseThrow();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        List<Answer> answers() {
            return List.copyOf(answers);
        }

        int failures() {
            return failures.get();
        }
    }
}
