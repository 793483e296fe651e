package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.answersApi;
import static com.luckify.support.LuckifyProcesses.await;
import static com.luckify.support.LuckifyProcesses.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.RedisSentinelSet;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Redis behind Sentinel, with a real Luckify process that knows only the sentinels: when the master dies, the
 * sentinels promote the replica, Redisson follows, and instant attempts are answered again; MySQL's stock guard
 * keeps every unit sold once, also the ones whose reservations the replica had not received.
 */
class SentinelFailoverIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    private static final int UNITS = 40;

    @Test
    void instantAttemptsAreAnsweredAgainThroughThePromotedReplicaAndNoUnitIsSoldTwice() throws Exception {
        try (RedisSentinelSet redis = RedisSentinelSet.start(); LuckifyProcesses processes = new LuckifyProcesses()) {
            int port = freePort();
            processes.start("sentinel", "--luckify.roles=api", "--server.port=" + port,
                    "--spring.data.redis.sentinel.master=" + RedisSentinelSet.MASTER_NAME,
                    "--spring.data.redis.sentinel.nodes=" + redis.sentinelNodes());
            ApiClient luckify = new ApiClient(port);
            await("the process answering", 60, () -> answersApi(luckify));
            Response created = luckify.post("/lottery/v1/lottery/createLottery",
                    lottery(3, 0, prize(1, UNITS, 1_000_000)), newUserToken());
            assertThat(created.code()).as("%s", created).isEqualTo(200);
            long lotteryId = created.data().path("id").asLong();
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            for (int i = 0; i < 10; i++) {
                assertThat(attempt(luckify, lotteryId, acknowledged).code()).isEqualTo(200);
            }
            redis.awaitReplicaCaughtUp();

            // when the master dies
            redis.killMaster();
            long killed = System.nanoTime();

            // then the sentinels promote the replica and attempts are answered again, by the same process
            await("the replica promoted", 30, () -> redis.currentMasterPort() == redis.replicaPort());
            AtomicLong servedAgainAfter = new AtomicLong(-1);
            await("an instant attempt won again", 30, () -> {
                boolean won = attempt(luckify, lotteryId, acknowledged).code() == 200;
                if (won) {
                    servedAgainAfter.set((System.nanoTime() - killed) / 1_000_000);
                }
                return won;
            });
            // and the rest of the units go under concurrent attempts, each once
            List<Integer> codes = runConcurrently(8, IntStream.range(0, 50).boxed().toList(), i -> attempt(luckify, lotteryId, acknowledged).code());
            assertThat(codes).as("answered: a win, sold out or busy, never a server error")
                    .allSatisfy(code -> assertThat(code).isIn(200, 500044, 100012, 500036));

            long wins = count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", lotteryId);
            assertThat(wins).as("no unit sold twice").isLessThanOrEqualTo(UNITS);
            assertThat(count("SELECT stock FROM prize WHERE lottery_id = ?", lotteryId)).isEqualTo(UNITS - wins);
            assertThat(acknowledged).as("every win answered is recorded").hasSize((int) wins);
            for (String token : acknowledged.keySet()) {
                assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND user_id = ? "
                        + "AND is_won = 1", lotteryId, userIdOf(token))).isEqualTo(1);
            }
            System.out.printf("Sentinel failover: attempts won again %d ms after the master was killed; %d of %d units "
                    + "won%n", servedAgainAfter.get(), wins, UNITS);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** One attempt by a new user; a win is remembered by the user's token. */
    private Response attempt(ApiClient client, long lotteryId, Map<String, Long> wins) {
        String token = newUserToken();
        Response response = client.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", token);
        if (response.code() == 200 && response.data().path("prizeId").asLong() > 0) {
            wins.put(token, response.data().path("prizeId").asLong());
        }
        return response;
    }
}
