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
import com.luckify.support.OwnRedis;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A Redis that stops answering (a {@code redis-server} of the test's own, paused with SIGSTOP after Luckify
 * started against it) behind a real Luckify process: what needs Redis answers an error within its timeout
 * ({@code spring.data.redis.timeout}, 500 ms, no retries), what does not keeps answering.
 */
class StalledRedisIT extends IntegrationTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";

    @Test
    void aStalledRedisCostsWhatNeedsItItsTimeoutAndTheRestNothing() throws Exception {
        int port = freePort();
        OwnRedis redis = OwnRedis.start(freePort(), "stalled");
        try (LuckifyProcesses processes = new LuckifyProcesses()) {
            processes.start("stalled-redis", "--luckify.roles=api", "--server.port=" + port,
                    "--spring.data.redis.port=" + redis.port());
            ApiClient luckify = new ApiClient(port);
            await("the process answering", 50, () -> answersApi(luckify));
            // given an instant lottery published through that process, so its hot state is in the test's Redis
            String owner = newUserToken();
            Response created = luckify.post("/lottery/v1/lottery/createLottery",
                    lottery(3, 0, prize(1, 100, 1_000_000)), owner);
            assertThat(created.code()).as("%s", created).isEqualTo(200);
            long lotteryId = created.data().path("id").asLong();
            assertThat(attempt(luckify, lotteryId).code()).as("Redis still answers").isEqualTo(200);
            String detail = "{\"id\":" + lotteryId + "}";
            assertThat(luckify.post("/lottery/v1/lottery/lotteryDetail", detail, owner).code()).isEqualTo(200);

            // when Redis stops answering (the process and its connections stay)
            redis.pause();

            // then an instant attempt, which needs Redis, is answered busy within its timeout
            for (int i = 0; i < 3; i++) {
                Timed<Response> busy = timed(() -> attempt(luckify, lotteryId));
                assertThat(busy.value().status()).as("%s", busy.value()).isEqualTo(503);
                assertThat(busy.value().code()).isEqualTo(100012);
                assertThat(busy.millis()).isLessThan(2_000);
            }
            // and what does not need Redis keeps answering: liveness, the lottery's detail, a check-in
            Timed<Integer> live = timed(() -> luckify.get("/actuator/health/liveness").statusCode());
            assertThat(live.value()).isEqualTo(200);
            assertThat(live.millis()).isLessThan(2_000);
            Timed<Response> shown = timed(() -> luckify.post("/lottery/v1/lottery/lotteryDetail", detail, owner));
            assertThat(shown.value().code()).as("%s", shown.value()).isEqualTo(200);
            assertThat(shown.millis()).isLessThan(2_000);
            Timed<Response> checkedIn = timed(() -> luckify.post("/checkin/v1/checkin", "", newUserToken()));
            assertThat(checkedIn.value().code()).as("%s", checkedIn.value()).isEqualTo(200);
            assertThat(checkedIn.millis()).isLessThan(2_000);

            // and once Redis answers again, so do instant attempts
            redis.resume();
            await("instant attempts answered again", 10, () -> attempt(luckify, lotteryId).code() == 200);
        } finally {
            redis.resume();
            redis.close();
        }
    }

    private Response attempt(ApiClient client, long lotteryId) {
        return client.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", newUserToken());
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private record Timed<T>(T value, long millis) {
    }
}
