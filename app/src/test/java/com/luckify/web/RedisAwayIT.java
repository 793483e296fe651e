package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.answersApi;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.AddressedClient;
import com.luckify.support.ApiClient;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.OwnRedis;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis gone (a {@code redis-server} of the test's own, killed with SIGKILL behind a real Luckify process): the public
 * lists, a lottery's detail and the comment lists keep answering, from MySQL, each within a second or two; health
 * says Redis is DOWN, readiness stays UP (reads degrade and what needs Redis fails closed, see
 * {@code com.luckify.app.HealthGroupDefaults}), liveness is UP. A fresh Redis on the same port is found again
 * without restarting the process.
 */
class RedisAwayIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIST = "/lottery/v1/lottery/lotteryList";
    private static final String LIST_SLOW = "/lottery/v1/lottery/lotteryListSlow";
    private static final String LIST_AFTER_LOGIN = "/lottery/v1/lottery/lotteryListAfterLogin";
    private static final String DETAIL = "/lottery/v1/lottery/lotteryDetail";
    private static final String COMMENTS = "/comment/v1/comment/getCommentList";
    private static final String COMMENT_DETAIL = "/comment/v1/comment/getCommentDetail";
    /** What one read may cost while Redis is away: no Redis timeout on every request. */
    private static final long QUICK_MILLIS = 2_000;

    @Test
    void readsAnswerFromMySqlWhileRedisIsAwayAndRedisIsFoundAgainWhenItComesBack() throws Exception {
        int port = LuckifyProcesses.freePort();
        try (OwnRedis redis = OwnRedis.start(LuckifyProcesses.freePort(), "away"); LuckifyProcesses processes = new LuckifyProcesses()) {
            processes.start("redis-away", "--luckify.roles=api", "--server.port=" + port,
                    "--spring.data.redis.port=" + redis.port());
            ApiClient luckify = new ApiClient(port);
            await("the process answering", 90, () -> answersApi(luckify));

            // given an instant lottery where every attempt wins, three winners with a prize show each, liked 0, 1, 2 times
            String owner = newUserToken();
            Response created = luckify.post("/lottery/v1/lottery/createLottery", lottery(3, 0, prize(1, 100, 1_000_000)),
                    owner);
            assertThat(created.code()).as("%s", created).isEqualTo(200);
            long lotteryId = created.data().path("id").asLong();
            List<String> winners = new ArrayList<>();
            List<Long> comments = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String winner = newUserToken();
                Response won = luckify.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}",
                        winner);
                assertThat(won.data().path("prizeId").asLong()).as("%s", won).isPositive();
                Response posted = luckify.post("/comment/v1/comment/addComment", JSON.createObjectNode()
                        .put("lotteryId", lotteryId).put("content", "晒单 " + i).toString(), winner);
                assertThat(posted.data().path("moderationState").asString()).as("%s", posted).isEqualTo("VISIBLE");
                winners.add(winner);
                comments.add(posted.data().path("id").asLong());
            }
            like(luckify, comments.get(1), winners.get(0));
            like(luckify, comments.get(2), winners.get(0));
            like(luckify, comments.get(2), winners.get(1));
            String viewer = newUserToken();
            // and every read made once, so the process holds them in its read caches
            assertThat(listed(luckify.post(LIST, listBody(lotteryId)))).containsExactly("测试抽奖");
            assertThat(luckify.post(DETAIL, "{\"id\":" + lotteryId + "}", owner).data().path("name").asString())
                    .isEqualTo("测试抽奖");
            assertThat(contents(luckify.post(COMMENTS, commentsBody(lotteryId, 0, 10, null), viewer)))
                    .containsExactly("晒单 2", "晒单 1", "晒单 0");

            // when Redis is killed, and the lottery and a comment change in MySQL behind the caches' back (nothing can
            // announce a change while Redis is away: what is read must come from MySQL, not from what was cached)
            redis.kill();
            jdbc.update("UPDATE lottery SET name = '改名了' WHERE id = ?", lotteryId);
            jdbc.update("UPDATE `comment` SET content = '改过了' WHERE id = ?", comments.get(0));
            await("the list read from MySQL", 10, () -> listed(luckify.post(LIST, listBody(lotteryId))).equals(List.of("改名了")));
            // the list alone does not show that the epoch of the cached reads ended: a watch that saw an earlier
            // change's bump may have begun a new epoch between the list's and the detail's first reads, and then the
            // list (not cached in it) reads MySQL while the detail is still served from that epoch (seen in CI)
            await("the detail read from MySQL", 10, () -> "改名了".equals(luckify.post(DETAIL,
                    "{\"id\":" + lotteryId + "}", owner).data().path("name").asString()));
            // each read cache has a watch of its own: the comments' ends its epoch within its own interval
            await("the comments read from MySQL", 10, () -> contents(luckify.post(COMMENTS,
                    commentsBody(lotteryId, 0, 10, null), viewer)).contains("改过了"));

            // then the public lists answer, from MySQL, without a Redis timeout each; an anonymous reader from an
            // address of its own is metered by a budget in Redis, which lets reads through while Redis is away
            AddressedClient anonymous = AddressedClient.atFreshAddress(port);
            for (int i = 0; i < 3; i++) {
                assertThat(listed(quick(() -> anonymous.post(LIST, listBody(lotteryId), null)))).containsExactly("改名了");
            }
            assertThat(listed(quick(() -> luckify.post(LIST, listBody(lotteryId))))).containsExactly("改名了");
            assertThat(listed(quick(() -> luckify.post(LIST_AFTER_LOGIN, listBody(lotteryId), viewer))))
                    .containsExactly("改名了");
            assertThat(slowListNameOf(luckify, lotteryId)).isEqualTo("改名了");
            // and the lottery's detail, with its live stock and entrants
            JsonNode detail = quick(() -> luckify.post(DETAIL, "{\"id\":" + lotteryId + "}", winners.get(2))).data();
            assertThat(detail.path("name").asString()).isEqualTo("改名了");
            assertThat(detail.path("prizes").get(0).path("stock").asInt()).isEqualTo(97);
            assertThat(detail.path("participantCount").asInt()).isEqualTo(3);
            assertThat(detail.path("isWon").asInt()).isEqualTo(1);
            // and the comment lists: newest first, and most liked paged through without a ranking snapshot in Redis
            assertThat(contents(quick(() -> luckify.post(COMMENTS, commentsBody(lotteryId, 0, 10, null), viewer))))
                    .containsExactly("晒单 2", "晒单 1", "改过了");
            Response firstPage = quick(() -> luckify.post(COMMENTS, commentsBody(lotteryId, 1, 2, null), viewer));
            assertThat(contents(firstPage)).containsExactly("晒单 2", "晒单 1");
            String next = firstPage.data().path("nextCursor").asString();
            assertThat(next).isNotEmpty();
            assertThat(contents(quick(() -> luckify.post(COMMENTS, commentsBody(lotteryId, 1, 2, next), viewer))))
                    .containsExactly("改过了");
            assertThat(quick(() -> luckify.post(COMMENT_DETAIL, "{\"id\":" + comments.get(0) + "}")).data()
                    .path("comment").path("content").asString()).isEqualTo("改过了");
            // and health says Redis is down, while readiness keeps the replica in the load balancer and liveness is up
            JsonNode health = health(luckify, "/actuator/health", 503);
            assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("DOWN");
            assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
            assertThat(health(luckify, "/actuator/health/readiness", 200).path("status").asString()).isEqualTo("UP");
            assertThat(health(luckify, "/actuator/health/liveness", 200).path("status").asString()).isEqualTo("UP");

            // when a fresh, empty Redis comes back on the same port
            redis.startAgain();

            // then the process finds it without a restart: health is UP again, and most-liked paging keeps its
            // ranking snapshot in Redis again
            await("health UP again", 20, () -> luckify.get("/actuator/health").statusCode() == 200);
            assertThat(health(luckify, "/actuator/health", 200).path("components").path("redis").path("status")
                    .asString()).isEqualTo("UP");
            await("a ranking snapshot kept in Redis again", 10, () -> luckify.post(COMMENTS,
                    commentsBody(lotteryId, 1, 2, null), viewer).data().path("nextCursor").asString().startsWith("s"));
            Response snapshotPage = luckify.post(COMMENTS, commentsBody(lotteryId, 1, 2, null), viewer);
            Response rest = luckify.post(COMMENTS, commentsBody(lotteryId, 1, 2,
                    snapshotPage.data().path("nextCursor").asString()), viewer);
            assertThat(contents(rest)).containsExactly("改过了");
            // and the reads still show MySQL's data
            assertThat(listed(luckify.post(LIST, listBody(lotteryId)))).containsExactly("改名了");
            assertThat(luckify.post(DETAIL, "{\"id\":" + lotteryId + "}", owner).data().path("name").asString())
                    .isEqualTo("改名了");
            assertThat(health(luckify, "/actuator/health/readiness", 200).path("status").asString()).isEqualTo("UP");
        }
    }

    /** The answer, checked to be 200 with code 200 and to have taken less than {@link #QUICK_MILLIS}. */
    private static Response quick(Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.code()).as("%s", response).isEqualTo(200);
        assertThat(millis).as("answered in ms").isLessThan(QUICK_MILLIS);
        return response;
    }

    private static void like(ApiClient client, long commentId, String token) {
        Response liked = client.post("/comment/v1/comment/commentPraise", "{\"id\":" + commentId + "}", token);
        assertThat(liked.code()).as("%s", liked).isEqualTo(200);
    }

    /** The list's page just below the lottery's id holds the lottery alone (newest first). */
    private static String listBody(long lotteryId) {
        return "{\"lastId\":" + (lotteryId + 1) + ",\"pageSize\":1,\"isSelected\":0}";
    }

    private static String commentsBody(long lotteryId, int sort, int pageSize, String cursor) {
        var body = JSON.createObjectNode().put("lastId", 0).put("pageSize", pageSize).put("sort", sort)
                .put("lotteryId", lotteryId);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return body.toString();
    }

    private static List<String> listed(Response response) {
        List<String> names = new ArrayList<>();
        response.data().path("list").forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    private static List<String> contents(Response response) {
        assertThat(response.code()).as("%s", response).isEqualTo(200);
        List<String> contents = new ArrayList<>();
        response.data().path("list").forEach(item -> contents.add(item.path("content").asString()));
        return contents;
    }

    /** The lottery's name as the page-numbered list shows it (other tests' lotteries may be newer). */
    private static String slowListNameOf(ApiClient client, long lotteryId) {
        for (int page = 1; page <= 20; page++) {
            int index = page;
            Response answer = quick(() -> client.post(LIST_SLOW, "{\"pageIndex\":" + index + ",\"pageSize\":100,\"isSelected\":0}"));
            for (JsonNode item : answer.data().path("list")) {
                if (item.path("id").asLong() == lotteryId) {
                    return item.path("name").asString();
                }
            }
            if (answer.data().path("list").isEmpty()) {
                break;
            }
        }
        throw new AssertionError("lottery " + lotteryId + " is not in the page-numbered list");
    }

    private static JsonNode health(ApiClient client, String path, int expectedStatus) {
        HttpResponse<byte[]> answer = client.get(path);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as("%s: %s", path, body).isEqualTo(expectedStatus);
        return JSON.readTree(body);
    }
}
