package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.audit.StaffActor;
import com.luckify.comment.CommentModeration;
import com.luckify.comment.CommentService;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CommentApiIT extends IntegrationTest {

    @Autowired
    CommentService comments;

    @Autowired
    CommentModeration moderation;

    private static final String ADD = "/comment/v1/comment/addComment";
    private static final String UPDATE = "/comment/v1/comment/updateComment";
    private static final String DELETE = "/comment/v1/comment/deleteComment";
    private static final String PRAISE = "/comment/v1/comment/commentPraise";
    private static final String LIST = "/comment/v1/comment/getCommentList";
    private static final String DETAIL = "/comment/v1/comment/getCommentDetail";
    private static final String LAST_ID = "/comment/v1/comment/getLastId";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aWinnerPostsAPrizeShowNamedAfterThePrizeWon() {
        long lotteryId = instantLottery(3);
        String winner = winnerOf(lotteryId);

        Response added = api.post(ADD, body(lotteryId, "", "中奖啦", ""), winner);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.data().path("moderationState").asString()).isEqualTo("VISIBLE");
        long id = added.data().path("id").asLong();

        JsonNode comment = detail(id);
        assertThat(comment.path("prizeName").asString()).isEqualTo("奖品1");
        assertThat(comment.path("content").asString()).isEqualTo("中奖啦");
        assertThat(comment.path("userId").asLong()).isEqualTo(userIdOf(winner));
        assertThat(comment.path("lotteryId").asLong()).isEqualTo(lotteryId);
        assertThat(comment.path("praiseCount").asInt()).isZero();
        assertThat(comment.path("createTime").asLong()).isPositive();
        assertThat(api.post(LAST_ID, "").data().path("lastId").asLong()).isGreaterThanOrEqualTo(id);

        Response named = api.post(ADD, body(lotteryId, "我自己起的名字", "再晒一次", ""), winner);
        assertThat(detail(named.data().path("id").asLong()).path("prizeName").asString()).isEqualTo("我自己起的名字");
    }

    @Test
    void onlyWinnersOfAnExistingLotteryMayPost() {
        long lotteryId = instantLottery(1);
        winnerOf(lotteryId);
        String loser = newUserToken();
        assertThat(api.post(ADD, body(lotteryId, "", "我也想晒", ""), loser).code()).isEqualTo(600014);
        assertThat(api.post(ADD, body(999_999_999L, "", "没有这个抽奖", ""), loser).code()).isEqualTo(500025);
        assertThat(api.post(ADD, "{\"lotteryId\":" + lotteryId + "}", loser).code()).as("content missing")
                .isEqualTo(100002);
        assertThat(api.post(ADD, body(lotteryId, "", "x".repeat(1001), ""), loser).code()).isEqualTo(100002);
        assertThat(api.post(ADD, body(lotteryId, "", "无令牌", ""), null).status()).isEqualTo(401);
    }

    @Test
    void picturesMustBeTheAuthorsOwnUploads() {
        long lotteryId = instantLottery(1);
        String winner = winnerOf(lotteryId);
        String first = upload(winner);
        String second = upload(winner);
        String someoneElses = upload(newUserToken());

        Response added = api.post(ADD, body(lotteryId, "", "有图", first + " , " + second), winner);
        assertThat(added.status()).isEqualTo(200);
        assertThat(detail(added.data().path("id").asLong()).path("pics").asString()).isEqualTo(first + "," + second);

        assertThat(api.post(ADD, body(lotteryId, "", "别人的图", first + "," + someoneElses), winner).code())
                .isEqualTo(600016);
        assertThat(api.post(ADD, body(lotteryId, "", "外链", "https://evil.example.com/x.png"), winner).code())
                .isEqualTo(600016);
        String tenPictures = String.join(",", IntStream.range(0, 10).mapToObj(i -> "https://x.example.com/" + i).toList());
        assertThat(api.post(ADD, body(lotteryId, "", "太多图", tenPictures), winner).code()).isEqualTo(600017);
    }

    @Test
    void onlyTheAuthorEditsAndTheLikesStay() {
        long lotteryId = instantLottery(1);
        String author = winnerOf(lotteryId);
        long id = post(author, lotteryId, "原来的话");
        String fan = newUserToken();
        api.post(PRAISE, idBody(id), fan);

        Response edit = api.post(UPDATE, "{\"id\":" + id + ",\"userId\":1,\"lotteryId\":1,\"prizeName\":\"\","
                + "\"content\":\"改过的话\",\"pics\":\"\"}", author);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.data().path("moderationState").asString()).isEqualTo("VISIBLE");
        JsonNode comment = detail(id);
        assertThat(comment.path("content").asString()).isEqualTo("改过的话");
        assertThat(comment.path("praiseCount").asInt()).as("likes survive an edit").isEqualTo(1);
        assertThat(comment.path("userId").asLong()).as("the author cannot be changed").isEqualTo(userIdOf(author));
        assertThat(comment.path("prizeName").asString()).isEqualTo("奖品1");

        assertThat(api.post(UPDATE, updateBody(id, "抢别人的评论"), fan).code()).isEqualTo(600015);
        assertThat(api.post(UPDATE, updateBody(999_999_999L, "没有这条"), author).code()).isEqualTo(600007);
        assertThat(detail(id).path("content").asString()).isEqualTo("改过的话");
    }

    @Test
    void theAuthorDeletesSoftlyAndOthersCannot() {
        long lotteryId = instantLottery(1);
        String author = winnerOf(lotteryId);
        long id = post(author, lotteryId, "要删掉的");

        assertThat(api.post(DELETE, idBody(id), newUserToken()).code()).isEqualTo(600015);
        assertThat(api.post(DELETE, idBody(id), author).status()).isEqualTo(200);
        assertThat(api.post(DETAIL, idBody(id)).code()).isEqualTo(600007);
        assertThat(listOf(author, lotteryId, 0)).isEmpty();
        assertThat(api.post(DELETE, idBody(id), author).status()).as("deleting again changes nothing").isEqualTo(200);
        assertThat(api.post(DELETE, idBody(999_999_999L), author).code()).isEqualTo(600007);
        assertThat(jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM `comment` WHERE id = ?", Boolean.class, id))
                .as("the row stays for the moderation history").isTrue();
    }

    @Test
    void aModeratorRemovesAnyCommentAndTheRecordKeepsWhoDidIt() {
        long lotteryId = instantLottery(1);
        String author = winnerOf(lotteryId);
        long id = post(author, lotteryId, "被管理员删除");
        String username = "moderator-" + UUID.randomUUID();
        jdbc.update("INSERT INTO staff_account (username) VALUES (?)", username);
        long staffId = jdbc.queryForObject("SELECT id FROM staff_account WHERE username = ?", Long.class, username);

        comments.deleteByStaff(staffId, id);

        assertThat(api.post(DETAIL, idBody(id)).code()).isEqualTo(600007);
        assertThat(jdbc.queryForObject("SELECT deleted_by_staff_id FROM `comment` WHERE id = ?", Long.class, id))
                .isEqualTo(staffId);
        assertThat(api.post(DELETE, idBody(id), author).status()).as("already gone for its author too").isEqualTo(200);
    }

    @Test
    void doubtfulTextWaitsForReviewAndOnlyItsAuthorSeesIt() {
        long lotteryId = instantLottery(6);
        String author = winnerOf(lotteryId);
        String other = newUserToken();
        jdbc.update("INSERT IGNORE INTO sensitive_word (word) VALUES ('数据库里的词')");

        assertThat(state(author, lotteryId, "正常的晒单")).isEqualTo("VISIBLE");
        assertThat(state(author, lotteryId, "含有违禁词的晒单")).as("configured word").isEqualTo("PENDING");
        assertThat(state(author, lotteryId, "b a d w o r d")).as("case and spaces").isEqualTo("PENDING");
        assertThat(state(author, lotteryId, "含有数据库里的词")).as("word from the table").isEqualTo("PENDING");
        assertThat(state(author, lotteryId, WeChatStub.REVIEW_TEXT)).as("WeChat: review").isEqualTo("PENDING");
        assertThat(state(author, lotteryId, WeChatStub.RISKY_TEXT)).as("WeChat: risky").isEqualTo("PENDING");
        assertThat(state(author, lotteryId, WeChatStub.BROKEN_TEXT)).as("WeChat unreachable").isEqualTo("PENDING");

        assertThat(listOf(other, lotteryId, 0)).extracting(c -> c.path("content").asString())
                .containsExactly("正常的晒单");
        List<JsonNode> own = listOf(author, lotteryId, 0);
        assertThat(own).hasSize(7);
        assertThat(own).filteredOn(c -> c.path("moderationState").asString().equals("PENDING")).hasSize(6);

        long pending = own.get(0).path("id").asLong();
        assertThat(api.post(DETAIL, idBody(pending)).code()).isEqualTo(600007);
        assertThat(api.post(PRAISE, idBody(pending), other).code()).isEqualTo(600007);
    }

    @Test
    void textIsStoredAndReturnedExactlyAsWritten() {
        long lotteryId = instantLottery(1);
        String author = winnerOf(lotteryId);
        String text = "<script>alert(1)</script> & \"引号\" 'single' \\ 😀";
        long id = post(author, lotteryId, text);

        assertThat(detail(id).path("content").asString()).isEqualTo(text);
        assertThat(listOf(author, lotteryId, 0).get(0).path("content").asString()).isEqualTo(text);
        assertThat(jdbc.queryForObject("SELECT content FROM `comment` WHERE id = ?", String.class, id)).isEqualTo(text);
    }

    @Test
    void aLikeTogglesAndTheListSaysWhoLikedWhat() {
        long lotteryId = instantLottery(2);
        String author = winnerOf(lotteryId);
        long liked = post(author, lotteryId, "会被点赞");
        long notLiked = post(winnerOf(lotteryId), lotteryId, "没人点赞");
        String fan = newUserToken();

        jdbc.update("UPDATE `user` SET nickname = '张三丰', avatar = 'https://img.example.com/z.png' WHERE id = ?",
                userIdOf(author));

        Response like = api.post(PRAISE, idBody(liked), fan);
        assertThat(like.data().path("isPraise").asInt()).isEqualTo(1);
        assertThat(like.data().path("praiseCount").asInt()).isEqualTo(1);
        List<JsonNode> seenByFan = listOf(fan, lotteryId, 0);
        assertThat(seenByFan).extracting(c -> c.path("id").asLong() + ":" + c.path("isPraise").asInt())
                .containsExactly(notLiked + ":0", liked + ":1");
        JsonNode user = seenByFan.get(1).path("user");
        assertThat(user.path("id").asLong()).isEqualTo(userIdOf(author));
        assertThat(user.path("nickname").asString()).isEqualTo("张**丰");
        assertThat(user.path("avatar").asString()).isEqualTo("https://img.example.com/z.png");
        assertThat(seenByFan.get(0).path("user").path("nickname").asString()).contains("**");
        assertThat(user.has("Mobile")).isTrue();

        Response unlike = api.post(PRAISE, idBody(liked), fan);
        assertThat(unlike.data().path("isPraise").asInt()).isZero();
        assertThat(unlike.data().path("praiseCount").asInt()).isZero();
        assertThat(detail(liked).path("praiseCount").asInt()).isZero();
        assertThat(api.post(PRAISE, idBody(999_999_999L), fan).code()).isEqualTo(600007);
    }

    @Test
    void theCachedListShowsEveryChangeAtOnce() {
        long lotteryId = instantLottery(2);
        String author = winnerOf(lotteryId);
        long first = post(author, lotteryId, "第一条");
        String viewer = newUserToken();
        String fan = newUserToken();
        assertThat(contents(viewer, lotteryId)).containsExactly("第一条");

        long second = post(winnerOf(lotteryId), lotteryId, "第二条");
        assertThat(contents(viewer, lotteryId)).as("a new comment").containsExactly("第二条", "第一条");

        api.post(PRAISE, idBody(first), fan);
        assertThat(listOf(viewer, lotteryId, 0)).as("a like, seen by someone else")
                .extracting(c -> c.path("id").asLong() + ":" + c.path("praiseCount").asInt() + ":" + c.path("isPraise").asInt())
                .containsExactly(second + ":0:0", first + ":1:0");
        assertThat(listOf(fan, lotteryId, 0)).as("and by the one who liked")
                .extracting(c -> c.path("id").asLong() + ":" + c.path("isPraise").asInt())
                .containsExactly(second + ":0", first + ":1");

        api.post(UPDATE, updateBody(first, "改过的第一条"), author);
        assertThat(contents(viewer, lotteryId)).as("an edit").containsExactly("第二条", "改过的第一条");

        assertThat(api.put("/usercenter/v1/user/update", "{\"nickname\":\"李四光\"}", author).status()).isEqualTo(200);
        assertThat(listOf(viewer, lotteryId, 0).get(1).path("user").path("nickname").asString())
                .as("the author's new nickname").isEqualTo("李**光");

        moderation.hide(new StaffActor(0, "test", "127.0.0.1"), List.of(second), "off topic");
        assertThat(contents(viewer, lotteryId)).as("hidden by a moderator").containsExactly("改过的第一条");
        moderation.approve(new StaffActor(0, "test", "127.0.0.1"), List.of(second));
        assertThat(contents(viewer, lotteryId)).as("approved again").containsExactly("第二条", "改过的第一条");

        api.post(DELETE, idBody(first), author);
        assertThat(contents(viewer, lotteryId)).as("deleted by its author").containsExactly("第二条");

        post(author, lotteryId, "含有违禁词的晒单");
        assertThat(contents(author, lotteryId)).as("the author's own comment in review")
                .containsExactly("含有违禁词的晒单", "第二条");
        assertThat(contents(viewer, lotteryId)).as("not shown to others").containsExactly("第二条");
    }

    @Test
    void aViewerWithMoreLikesThanTheCacheKeepsSeesEachOneMarked() {
        long lotteryId = instantLottery(1);
        long author = userIdOf(winnerOf(lotteryId));
        String fan = newUserToken();
        for (int i = 0; i < 205; i++) {
            jdbc.update("INSERT INTO `comment` (user_id, lottery_id, prize_name, content, pics, praise_count) "
                    + "VALUES (?, ?, '奖品1', ?, '', 1)", author, lotteryId, "第" + i + "条");
        }
        jdbc.update("INSERT INTO praise (user_id, comment_id) SELECT ?, id FROM `comment` WHERE lottery_id = ?",
                userIdOf(fan), lotteryId);

        assertThat(listOf(fan, lotteryId, 0)).hasSize(20).allSatisfy(c -> assertThat(c.path("isPraise").asInt()).isOne());
        assertThat(listOf(newUserToken(), lotteryId, 0)).hasSize(20)
                .allSatisfy(c -> assertThat(c.path("isPraise").asInt()).isZero());
    }

    @Test
    void newestFirstPagesByLastIdWithoutDuplicatesOrGaps() {
        long lotteryId = instantLottery(5);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(winnerOf(lotteryId), lotteryId, "第" + i + "条"));
        }
        String viewer = newUserToken();

        List<Long> seen = new ArrayList<>();
        long lastId = 0;
        for (int page = 0; page < 4; page++) {
            List<JsonNode> items = listOf(viewer, lotteryId, 0, lastId, 2, null);
            items.forEach(item -> seen.add(item.path("id").asLong()));
            if (!items.isEmpty()) {
                lastId = items.get(items.size() - 1).path("id").asLong();
            }
        }
        List<Long> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void mostLikedPagesStayStableWhileLikesChange() {
        long lotteryId = instantLottery(5);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(winnerOf(lotteryId), lotteryId, "点赞排序" + i));
        }
        int[] likes = {3, 1, 3, 0, 1};
        List<String> fans = bulkUserTokens(3);
        for (int i = 0; i < ids.size(); i++) {
            for (int f = 0; f < likes[i]; f++) {
                api.post(PRAISE, idBody(ids.get(i)), fans.get(f));
            }
        }
        String viewer = newUserToken();
        List<Long> expected = List.of(ids.get(2), ids.get(0), ids.get(4), ids.get(1), ids.get(3));

        // an old client pages with lastId only
        List<Long> byLastId = new ArrayList<>();
        long lastId = 0;
        for (int page = 0; page < 3; page++) {
            List<JsonNode> items = listOf(viewer, lotteryId, 1, lastId, 2, null);
            items.forEach(item -> byLastId.add(item.path("id").asLong()));
            lastId = items.isEmpty() ? lastId : items.get(items.size() - 1).path("id").asLong();
        }
        assertThat(byLastId).containsExactlyElementsOf(expected);

        // with the cursor, a like given to an item already served does not shift the next page
        Response first = list(viewer, lotteryId, 1, 0, 2, null);
        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 2));
        api.post(PRAISE, idBody(ids.get(0)), fans.get(0)); // ids[0] drops from 3 likes to 2
        Response second = list(viewer, lotteryId, 1, 0, 2, first.data().path("nextCursor").asString());
        Response third = list(viewer, lotteryId, 1, 0, 2, second.data().path("nextCursor").asString());
        assertThat(ids(second)).as("%s after %s", second, first).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(ids(third)).containsExactly(expected.get(4));
        assertThat(list(viewer, lotteryId, 1, 0, 2, "not-a-cursor").code()).isEqualTo(100002);
    }

    @Test
    void aHundredUsersTogglingLikesKeepTheCountEqualToTheLikes() throws Exception {
        long lotteryId = instantLottery(1);
        long id = post(winnerOf(lotteryId), lotteryId, "热门晒单");
        List<String> users = bulkUserTokens(100);
        // every user toggles three times: like, unlike, like, all at once with everyone else
        List<String> toggles = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            toggles.addAll(users);
        }

        List<Response> responses = runConcurrently(32, toggles, token -> api.post(PRAISE, idBody(id), token));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        long likes = jdbc.queryForObject("SELECT COUNT(*) FROM praise WHERE comment_id = ?", Long.class, id);
        assertThat(likes).isEqualTo(100);
        assertThat(detail(id).path("praiseCount").asLong()).isEqualTo(likes);
    }

    @Test
    void readEndpointsAnswerGetAndBadListRequestsAreRefused() {
        long lotteryId = instantLottery(1);
        String author = winnerOf(lotteryId);
        long id = post(author, lotteryId, "GET 也行");
        assertThat(new String(api.get(DETAIL + "?id=" + id).body())).contains("GET 也行");
        assertThat(api.send("GET", LIST + "?lastId=0&pageSize=5&sort=0&lotteryId=" + lotteryId, null, null,
                "Bearer " + author).data().path("list").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(api.post(LIST, "{\"lastId\":0,\"sort\":0}", author).code()).isEqualTo(100002);
        assertThat(api.post(LIST, "{\"lastId\":0,\"pageSize\":-1,\"sort\":0}", author).code()).isEqualTo(100002);
        assertThat(api.post(LIST, "{\"lastId\":0,\"pageSize\":0,\"sort\":0}", author).data().path("list")).isEmpty();
        assertThat(api.post(LIST, "{\"lastId\":0,\"pageSize\":5,\"sort\":0}").status()).isEqualTo(401);
    }

    private long instantLottery(int units) {
        return createLottery(newUserToken(), lottery(3, 0, prize(1, units, 1_000_000)));
    }

    /** A new user who wins a unit of the lottery (its odds are 100%). */
    private String winnerOf(long lotteryId) {
        String token = newUserToken();
        Response attempt = api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}",
                token);
        assertThat(attempt.data().path("prizeId").asLong()).as("won: %s", attempt).isPositive();
        return token;
    }

    private String upload(String token) {
        Response response = api.post("/upload/v1/upload/add", UploadApiIT.json("show", ".png", UploadApiIT.PNG), token);
        return response.data().path("url").asString();
    }

    private long post(String token, long lotteryId, String content) {
        Response response = api.post(ADD, body(lotteryId, "", content, ""), token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.data().path("id").asLong();
    }

    private String state(String token, long lotteryId, String content) {
        return api.post(ADD, body(lotteryId, "", content, ""), token).data().path("moderationState").asString();
    }

    private JsonNode detail(long id) {
        Response response = api.post(DETAIL, idBody(id));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.data().path("comment");
    }

    private List<String> contents(String token, long lotteryId) {
        return listOf(token, lotteryId, 0).stream().map(c -> c.path("content").asString()).toList();
    }

    private List<JsonNode> listOf(String token, long lotteryId, int sort) {
        return listOf(token, lotteryId, sort, 0, 20, null);
    }

    private List<JsonNode> listOf(String token, long lotteryId, int sort, long lastId, int size, String cursor) {
        return list(token, lotteryId, sort, lastId, size, cursor).data().path("list").valueStream().toList();
    }

    private Response list(String token, long lotteryId, int sort, long lastId, int size, String cursor) {
        ObjectNode body = JSON.createObjectNode().put("lastId", lastId).put("pageSize", size).put("sort", sort)
                .put("lotteryId", lotteryId);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return api.post(LIST, body.toString(), token);
    }

    private static List<Long> ids(Response response) {
        return response.data().path("list").valueStream().map(item -> item.path("id").asLong()).toList();
    }

    private static String body(long lotteryId, String prizeName, String content, String pics) {
        return JSON.createObjectNode().put("lotteryId", lotteryId).put("prizeName", prizeName).put("content", content)
                .put("pics", pics).toString();
    }

    private static String updateBody(long id, String content) {
        return JSON.createObjectNode().put("id", id).put("prizeName", "").put("content", content).put("pics", "")
                .toString();
    }

    private static String idBody(long id) {
        return "{\"id\":" + id + "}";
    }
}
