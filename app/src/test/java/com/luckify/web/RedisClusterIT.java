package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.answersApi;
import static com.luckify.support.LuckifyProcesses.await;
import static com.luckify.support.LuckifyProcesses.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.RedisClusterSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis as a Cluster of three masters, with a real Luckify process ({@code api,admin}) that knows only the nodes
 * ({@code spring.data.redis.cluster.nodes}). Each thing Luckify keeps in Redis goes through its own kind of command
 * here: the instant lottery's hot state and its scripts (one hash slot per lottery), the rate budgets' script, the
 * read caches' bump-and-publish script and their pub/sub (the token versions' among them), and the console's
 * sessions (Spring Session, whose session id changes at login). A script whose keys fell in two slots, or a command Redis Cluster refuses,
 * would answer an error here instead of what a single Redis answers.
 */
class RedisClusterIT extends AdminTest {

    private static final String ATTEMPT = "/lottery/v1/lottery/instantParticipation";
    private static final String COMMENTS = "/comment/v1/comment/getCommentList";
    private static final int UNITS = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyRedisUseOfLuckifyWorksOnACluster() throws Exception {
        try (RedisClusterSet cluster = RedisClusterSet.start(); LuckifyProcesses processes = new LuckifyProcesses()) {
            int port = freePort();
            // a cluster has only database 0 (the test profile picks 1 for a single Redis)
            processes.start("redis-cluster", "--luckify.roles=api,admin", "--server.port=" + port,
                    "--spring.data.redis.cluster.nodes=" + cluster.nodes(), "--spring.data.redis.database=0");
            ApiClient luckify = new ApiClient(port);
            await("the process answering", 90, () -> answersApi(luckify));
            assertThat(health(luckify).path("components").path("redis").path("status").asString()).isEqualTo("UP");

            // given an instant lottery of 40 units where every attempt wins
            String owner = newUserToken();
            Response created = luckify.post("/lottery/v1/lottery/createLottery", lottery(3, 0, prize(1, UNITS, 1_000_000)),
                    owner);
            assertThat(created.code()).as("%s", created).isEqualTo(200);
            long lotteryId = created.data().path("id").asLong();

            // when 60 new users attempt at once
            List<String> users = IntStream.range(0, 60).mapToObj(i -> newUserToken()).toList();
            List<Integer> codes = runConcurrently(8, users,
                    token -> luckify.post(ATTEMPT, "{\"lotteryId\":" + lotteryId + "}", token).code());

            // then 40 win and 20 are told it is sold out, as on a single Redis, and MySQL agrees
            assertThat(codes).as("answers").filteredOn(code -> code == 200).hasSize(UNITS);
            assertThat(codes).as("answers").filteredOn(code -> code != 200).containsOnly(500044);
            assertThat(count("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1", lotteryId))
                    .isEqualTo(UNITS);
            assertThat(count("SELECT stock FROM prize WHERE lottery_id = ?", lotteryId)).isZero();
            // and the hot state lives in the cluster (both of the lottery's keys in one slot, by their hash tag)
            assertThat(cluster.exists("luckify:instant:{" + lotteryId + "}:state")).isTrue();
            assertThat(cluster.exists("luckify:instant:{" + lotteryId + "}:entrants")).isTrue();

            // when a winner shows the prize and another user likes it
            String winner = users.get(codes.indexOf(200));
            Response posted = luckify.post("/comment/v1/comment/addComment", JSON.createObjectNode()
                    .put("lotteryId", lotteryId).put("content", "集群晒单").toString(), winner);
            assertThat(posted.code()).as("%s", posted).isEqualTo(200);
            long commentId = posted.data().path("id").asLong();
            String fan = newUserToken();
            String comments = JSON.createObjectNode().put("lastId", 0).put("pageSize", 10).put("sort", 0)
                    .put("lotteryId", lotteryId).toString();
            assertThat(luckify.post(COMMENTS, comments, fan).data().path("list").get(0).path("praiseCount").asInt())
                    .isZero();
            Response liked = luckify.post("/comment/v1/comment/commentPraise", "{\"id\":" + commentId + "}", fan);
            assertThat(liked.code()).as("%s", liked).isEqualTo(200);

            // then the cached comment list shows the like at once (the cache's bump went through the cluster)
            JsonNode listed = luckify.post(COMMENTS, comments, fan).data().path("list").get(0);
            assertThat(listed.path("praiseCount").asInt()).isEqualTo(1);
            assertThat(listed.path("isPraise").asInt()).isEqualTo(1);

            // and a check-in spends a rate budget (its script) and is paid
            Response checkedIn = luckify.post("/checkin/v1/checkin", "", fan);
            assertThat(checkedIn.code()).as("%s", checkedIn).isEqualTo(200);

            // and a staff login holds (the session, its new id and its CSRF token in the cluster), and a ban from the
            // console puts the user out at once
            String username = staff(StaffRole.ADMIN);
            AdminClient staff = new AdminClient(port);
            AdminClient.Page login = staff.login(username, PASSWORD);
            assertThat(login.redirectsTo("/admin")).as("%s", login).isTrue();
            long fanId = userIdOf(fan);
            AdminClient.Page banned = staff.htmxPost("/admin/users/" + fanId + "/blacklist", Map.of("reason", "cluster"));
            assertThat(banned.status()).as("%s", banned).isEqualTo(200);
            // (a ban revokes every token of the user, and the read caches of its token version end through the cluster)
            Response refused = luckify.post("/comment/v1/comment/commentPraise", "{\"id\":" + commentId + "}", fan);
            assertThat(refused.status()).as("%s", refused).isEqualTo(401);
            assertThat(refused.code()).isEqualTo(100003);

            // and log-out-everywhere kills the owner's token
            assertThat(luckify.post("/usercenter/v1/user/logoutAll", "{}", owner).code()).isEqualTo(200);
            Response dead = luckify.post("/usercenter/v1/user/detail", "{}", owner);
            assertThat(dead.status()).as("%s", dead).isEqualTo(401);
            assertThat(dead.code()).isEqualTo(100003);
            assertThat(health(luckify).path("status").asString()).isEqualTo("UP");
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static JsonNode health(ApiClient client) {
        return JSON.readTree(new String(client.get("/actuator/health").body(), StandardCharsets.UTF_8));
    }
}
