package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TaskApiIT extends IntegrationTest {

    private static final String TASKS = "/checkin/v1/checkin/getTasks";
    private static final String CLAIM = "/checkin/v1/checkin/claimReward";
    private static final String SUBSCRIBE = "/checkin/v1/checkin/updateSub";
    private static final String STATUS = "/checkin/v1/checkin/getCheckin";


    @Test
    void aNewUserSeesEveryTaskUnfinishedWithItsCounters() {
        List<JsonNode> tasks = tasks(newUserToken());

        assertThat(tasks).extracting(t -> t.path("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 7L);
        assertThat(tasks).allSatisfy(t -> assertThat(t.path("isFinished").asInt()).isZero());
        assertThat(task(tasks, 1).path("content").asString()).isEqualTo("参与一次抽奖");
        assertThat(task(tasks, 1).path("integral").asInt()).isEqualTo(10);
        assertThat(task(tasks, 1).path("path").asString()).isEqualTo("/pages/index/home");
        assertThat(task(tasks, 3).path("count").asInt()).isEqualTo(-1);
        assertThat(task(tasks, 3).path("needCount").asInt()).isEqualTo(-1);
        assertThat(task(tasks, 4).path("type").asInt()).isEqualTo(2);
        assertThat(task(tasks, 4).path("count").asInt()).isZero();
        assertThat(task(tasks, 4).path("needCount").asInt()).isEqualTo(3);
        assertThat(task(tasks, 7).path("needCount").asInt()).isEqualTo(30);
    }

    @Test
    void subscribingFinishesTheSubscribeTaskWhoseRewardIsPaidOnce() {
        String token = newUserToken();
        assertThat(api.post(CLAIM, "{\"taskId\":3}", token).code()).as("not finished yet").isEqualTo(700033);

        assertThat(api.post(SUBSCRIBE, "{\"state\":1}", token).status()).isEqualTo(200);
        assertThat(api.post(STATUS, "", token).data().path("subStatus").asInt()).isEqualTo(1);
        assertThat(task(tasks(token), 3).path("isFinished").asInt()).isEqualTo(1);

        Response claim = api.post(CLAIM, "{\"taskId\":3}", token);
        assertThat(claim.status()).isEqualTo(200);
        assertThat(claim.data().path("integral").asLong()).isEqualTo(15);
        assertThat(task(tasks(token), 3).path("isFinished").asInt()).isEqualTo(2);

        Response twice = api.post(CLAIM, "{\"taskId\":3}", token);
        assertThat(twice.code()).isEqualTo(700023);
        assertThat(twice.msg()).isEqualTo("任务已领取");

        // unsubscribing and subscribing again neither takes the reward back nor pays it again
        api.post(SUBSCRIBE, "{\"state\":0}", token);
        assertThat(api.post(STATUS, "", token).data().path("subStatus").asInt()).isZero();
        api.post(SUBSCRIBE, "{\"state\":1}", token);
        assertThat(task(tasks(token), 3).path("isFinished").asInt()).isEqualTo(2);
        assertThat(api.post(STATUS, "", token).data().path("integral").asLong()).isEqualTo(15);
    }

    @Test
    void badClaimsAndSubscriptionsHaveTheirOwnCodes() {
        String token = newUserToken();
        assertThat(api.post(CLAIM, "{\"taskId\":99}", token).code()).isEqualTo(700021);
        assertThat(api.post(CLAIM, "{}", token).code()).isEqualTo(100002);
        assertThat(api.post(CLAIM, "{\"taskId\":0}", token).code()).isEqualTo(100002);
        assertThat(api.post(SUBSCRIBE, "{\"state\":2}", token).code()).isEqualTo(100002);
        assertThat(api.post(SUBSCRIBE, "{}", token).code()).isEqualTo(100002);
        assertThat(api.post(TASKS, "").status()).isEqualTo(401);
    }

    @Test
    void joiningAndCreatingLotteriesFinishTheNewbieAndDailyTasks() {
        String owner = newUserToken();
        String player = newUserToken();
        for (int i = 0; i < 3; i++) {
            long id = createLottery(owner, lottery(1, 0, prize(1, 1)));
            assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + id + "}", player).status())
                    .isEqualTo(200);
        }
        awaitEventsHandled();

        List<JsonNode> playerTasks = tasks(player);
        assertThat(task(playerTasks, 1).path("isFinished").asInt()).as("joined a lottery").isEqualTo(1);
        assertThat(task(playerTasks, 2).path("isFinished").asInt()).as("created none").isZero();
        assertThat(task(playerTasks, 4).path("count").asInt()).isEqualTo(3);
        assertThat(task(playerTasks, 4).path("isFinished").asInt()).as("3 joins today").isEqualTo(1);
        assertThat(task(playerTasks, 7).path("count").asInt()).isEqualTo(3);
        assertThat(task(playerTasks, 7).path("isFinished").asInt()).as("30 a week").isZero();
        assertThat(task(tasks(owner), 2).path("isFinished").asInt()).as("created a lottery").isEqualTo(1);

        assertThat(api.post(CLAIM, "{\"taskId\":1}", player).data().path("integral").asLong()).isEqualTo(10);
        assertThat(api.post(CLAIM, "{\"taskId\":4}", player).data().path("integral").asLong()).isEqualTo(20);

        // a handled event is never counted twice, even if the relay runs again
        awaitEventsHandled();
        assertThat(task(tasks(player), 4).path("count").asInt()).isEqualTo(3);

        // the daily task starts again tomorrow; the weekly one keeps counting
        clock.set(clock.instant().plus(Duration.ofDays(1)));
        List<JsonNode> tomorrow = tasks(player);
        assertThat(task(tomorrow, 4).path("count").asInt()).isZero();
        assertThat(task(tomorrow, 4).path("isFinished").asInt()).isZero();
        assertThat(task(tomorrow, 1).path("isFinished").asInt()).as("newbie tasks are once").isEqualTo(2);
    }

    @Test
    void thirtySimultaneousClaimsPayOnce() throws Exception {
        String token = newUserToken();
        long userId = userIdOf(token);
        api.post(SUBSCRIBE, "{\"state\":1}", token);

        List<Response> responses = runConcurrently(30, Collections.nCopies(30, token),
                t -> api.post(CLAIM, "{\"taskId\":3}", t));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertThat(r.code()).isEqualTo(700023));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integral_record WHERE user_id = ?", Long.class, userId))
                .isEqualTo(1);
        assertThat(api.post(STATUS, "", token).data().path("integral").asLong()).isEqualTo(15);
    }

    private List<JsonNode> tasks(String token) {
        Response response = api.post(TASKS, "", token);
        assertThat(response.status()).isEqualTo(200);
        return response.data().path("tasksList").valueStream().toList();
    }

    private static JsonNode task(List<JsonNode> tasks, long id) {
        return tasks.stream().filter(t -> t.path("id").asLong() == id).findFirst().orElseThrow();
    }
}
