package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.ClockTasks;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A double tap, a retrying client: bursts of identical requests, released together on real threads, at every
 * write endpoint of the mini-program. Each burst comes from a fresh user (so per-user budgets leave room for a
 * contest); every answer is a success or the endpoint's own business code, never "database busy" (100005) or
 * "server error" (100001), and the database holds exactly the business outcome. A budget refusal (100010) is an
 * answer too, as long as enough requests of the burst got past it to contend.
 */
class ConcurrentDuplicatesIT extends IntegrationTest {

    private static final int BURST = 16;
    private static final int BURSTS = 5;
    /** InnoDB's deadlock on the join showed in about one burst of 16 in five: enough bursts to see it surely. */
    private static final int JOIN_BURSTS = 25;
    private static final int REFUSED = 100010;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JOIN = "/lottery/v1/lottery/participation";
    private static final String INSTANT = "/lottery/v1/lottery/instantParticipation";
    private static final String CLAIM_PRIZE = "/lottery/v1/lottery/claimPrize";
    private static final String CREATE_LOTTERY = "/lottery/v1/lottery/createLottery";
    private static final String ADD_COMMENT = "/comment/v1/comment/addComment";
    private static final String UPDATE_COMMENT = "/comment/v1/comment/updateComment";
    private static final String DELETE_COMMENT = "/comment/v1/comment/deleteComment";
    private static final String PRAISE = "/comment/v1/comment/commentPraise";
    private static final String CHECKIN = "/checkin/v1/checkin";
    private static final String CLAIM_REWARD = "/checkin/v1/checkin/claimReward";
    private static final String SUBSCRIBE = "/checkin/v1/checkin/updateSub";
    private static final String ADD_SPONSOR = "/usercenter/v1/userSponsor/addSponsor";
    private static final String UPDATE_SPONSOR = "/usercenter/v1/userContact/upDateSponsor";
    private static final String DELETE_SPONSOR = "/usercenter/v1/userContact/sponsorDel";
    private static final String UPDATE_PROFILE = "/usercenter/v1/user/update";
    private static final String REGISTER = "/usercenter/v1/user/register";
    private static final String WECHAT_LOGIN = "/usercenter/v1/user/wxMiniAuth";
    private static final String UPLOAD = "/upload/v1/upload/add";

    @Test
    void oneUserJoiningOneLotteryManyTimesAtOnceJoinsOnce() throws Exception {
        for (int i = 0; i < JOIN_BURSTS; i++) {
            long lotteryId = createLottery(freshUser(), lottery(1, 0, prize(1, 1)));
            String player = freshUser();

            List<Response> answers = burst(() -> api.post(JOIN, lotteryBody(lotteryId), player));

            assertOnly(answers, 200, 500028);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?",
                    Integer.class, lotteryId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT participant_count FROM lottery WHERE id = ?", Integer.class,
                    lotteryId)).isEqualTo(1);
        }
    }

    @Test
    void manyUsersJoiningOneLotteryAtOnceAllJoin() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = createLottery(freshUser(), lottery(2, BURST, prize(1, 1)));
            List<String> players = bulkUserTokens(BURST);

            List<Response> answers = runConcurrently(BURST, players, player -> api.post(JOIN, lotteryBody(lotteryId), player));

            assertOnly(answers, 200);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(BURST);
            assertThat(jdbc.queryForObject("SELECT participant_count FROM lottery WHERE id = ?", Integer.class,
                    lotteryId)).isEqualTo(BURST);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'JoinThresholdReached'"
                    + " AND aggregate_id = ?", Integer.class, lotteryId)).as("the by-count lottery filled once").isEqualTo(1);
        }
    }

    @Test
    void aClockTaskTicketRedeemedManyTimesAtOnceIsRedeemedOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = createLottery(freshUser(), lottery(1, 0, prize(1, 1)).replace("\"isClocked\":0",
                    "\"isClocked\":1,\"clockTask\":{\"type\":3,\"image\":\"https://img.example.com/x.png\"}"));
            String player = freshUser();

            String ticket = ClockTasks.ticket(api, player, lotteryId);

            List<Response> answers = burst(() -> ClockTasks.complete(api, player, lotteryId, ticket));

            assertOnly(answers, 200, 500057);
            assertThat(successes(answers)).as("the ticket is single-use").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clock_task_completion WHERE lottery_id = ? AND user_id = ?",
                    Integer.class, lotteryId, userIdOf(player))).isEqualTo(1);
        }
    }

    @Test
    void likeTogglesAtOnceEachCountAndTheCountEqualsTheLikes() throws Exception {
        long lotteryId = instantLottery(1);
        String author = winnerOf(lotteryId);
        long commentId = api.post(ADD_COMMENT, commentBody(lotteryId, "中奖啦"), author).data().path("id").asLong();
        for (int i = 0; i < BURSTS; i++) {
            String liker = freshUser();

            List<Response> answers = burst(() -> api.post(PRAISE, idBody(commentId), liker));

            assertOnly(answers, 200);
            long liked = answers.stream().filter(r -> r.code() == 200 && r.data().path("isPraise").asInt() == 1).count();
            long unliked = answers.stream().filter(r -> r.code() == 200 && r.data().path("isPraise").asInt() == 0).count();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM praise WHERE comment_id = ? AND user_id = ?",
                    Long.class, commentId, userIdOf(liker))).as("each toggle flips the like: %s", answers)
                    .isEqualTo(liked - unliked);
        }
        assertThat(jdbc.queryForObject("SELECT praise_count FROM `comment` WHERE id = ?", Integer.class, commentId))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM praise WHERE comment_id = ?", Integer.class, commentId));
    }

    @Test
    void prizeShowsPostedManyTimesAtOnceAreEachPostedOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = instantLottery(1);
            String winner = winnerOf(lotteryId);

            List<Response> answers = burst(() -> api.post(ADD_COMMENT, commentBody(lotteryId, "晒单"), winner));

            assertOnly(answers, 200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `comment` WHERE lottery_id = ?", Integer.class, lotteryId))
                    .as("one prize show per accepted post").isEqualTo(successes(answers));
        }
    }

    @Test
    void aPrizeShowEditedManyTimesAtOnceEndsAsEdited() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = instantLottery(1);
            String winner = winnerOf(lotteryId);
            long commentId = api.post(ADD_COMMENT, commentBody(lotteryId, "原文"), winner).data().path("id").asLong();
            String edit = JSON.createObjectNode().put("id", commentId).put("prizeName", "").put("content", "改过")
                    .put("pics", "").toString();

            List<Response> answers = burst(() -> api.post(UPDATE_COMMENT, edit, winner));

            assertOnly(answers, 200);
            assertThat(jdbc.queryForObject("SELECT content FROM `comment` WHERE id = ?", String.class, commentId))
                    .isEqualTo("改过");
        }
    }

    @Test
    void aPrizeShowDeletedManyTimesAtOnceIsDeleted() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = instantLottery(1);
            String winner = winnerOf(lotteryId);
            long commentId = api.post(ADD_COMMENT, commentBody(lotteryId, "要删的"), winner).data().path("id").asLong();

            List<Response> answers = burst(() -> api.post(DELETE_COMMENT, idBody(commentId), winner));

            assertOnly(answers, 200);
            assertThat(jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM `comment` WHERE id = ?", Boolean.class,
                    commentId)).isTrue();
        }
    }

    @Test
    void aPrizeClaimedManyTimesAtOnceIsClaimedOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = instantLottery(1);
            String winner = winnerOf(lotteryId);
            String body = "{\"lotteryId\":" + lotteryId + ",\"contactName\":\"王五\",\"mobile\":\"13700137000\","
                    + "\"address\":\"广州\"}";

            List<Response> answers = burst(() -> api.post(CLAIM_PRIZE, body, winner));

            assertOnly(answers, 200, 500048);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prize_claim c JOIN lottery_participation p"
                    + " ON p.id = c.participation_id WHERE p.lottery_id = ?", Integer.class, lotteryId)).isEqualTo(1);
        }
    }

    @Test
    void aTaskRewardClaimedManyTimesAtOnceIsPaidOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String user = freshUser();
            assertThat(api.post(SUBSCRIBE, "{\"state\":1}", user).code()).isEqualTo(200);

            List<Response> answers = burst(() -> api.post(CLAIM_REWARD, "{\"taskId\":3}", user));

            assertOnly(answers, 200, 700023);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(1);
            long userId = userIdOf(user);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integral_record WHERE user_id = ?", Integer.class,
                    userId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT integral FROM integral WHERE user_id = ?", Long.class, userId))
                    .isEqualTo(15);
        }
    }

    @Test
    void aSubscriptionSentManyTimesAtOnceFinishesTheTaskOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String user = freshUser();

            List<Response> answers = burst(() -> api.post(SUBSCRIBE, "{\"state\":1}", user));

            assertOnly(answers, 200);
            long userId = userIdOf(user);
            assertThat(jdbc.queryForObject("SELECT is_sub_checkin FROM task_progress WHERE user_id = ?", Integer.class,
                    userId)).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT CONCAT(progress, '/', is_finished) FROM task_record"
                    + " WHERE user_id = ? AND task_id = 3", String.class, userId)).containsExactly("1/1");
        }
    }

    /** One owner per burst and kind (adding, editing, deleting): the sponsor budget is per user for all three. */
    @Test
    void sponsorsAddedEditedAndDeletedManyTimesAtOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String adder = freshUser();
            List<Response> added = burst(() -> api.post(ADD_SPONSOR, sponsorBody("赞助"), adder));
            assertOnly(added, 200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_sponsor WHERE user_id = ?", Integer.class,
                    userIdOf(adder))).isEqualTo(successes(added));

            String editor = freshUser();
            long edited = sponsorOf(editor);
            List<Response> edits = burst(() -> api.post(UPDATE_SPONSOR, "{\"id\":" + edited + ",\"name\":\"改名\"}",
                    editor));
            assertOnly(edits, 200);
            assertThat(jdbc.queryForObject("SELECT name FROM user_sponsor WHERE id = ?", String.class, edited))
                    .isEqualTo("改名");

            String deleter = freshUser();
            long deleted = sponsorOf(deleter);
            List<Response> deletes = burst(() -> api.post(DELETE_SPONSOR, idBody(deleted), deleter));
            assertOnly(deletes, 200, 200012);
            assertThat(successes(deletes)).as("the others find it deleted: %s", deletes).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM user_sponsor WHERE id = ?", Boolean.class,
                    deleted)).isTrue();
        }
    }

    @Test
    void aProfileUpdatedManyTimesAtOnceEndsUpdated() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String user = freshUser();

            List<Response> answers = burst(() -> api.put(UPDATE_PROFILE, "{\"nickname\":\"同时改\",\"signature\":\"好运\"}",
                    user));

            assertOnly(answers, 200);
            assertThat(jdbc.queryForObject("SELECT nickname FROM `user` WHERE id = ?", String.class, userIdOf(user)))
                    .isEqualTo("同时改");
        }
    }

    @Test
    void aLotteryCreatedManyTimesAtOnceIsCreatedOncePerAcceptedRequest() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String owner = freshUser();
            String body = lottery(1, 0, prize(1, 2));

            List<Response> answers = burst(() -> api.post(CREATE_LOTTERY, body, owner));

            // 500052: the creator's open-lottery limit, if a burst reaches it
            assertOnly(answers, 200, 500052);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE user_id = ?", Integer.class,
                    userIdOf(owner))).isEqualTo(successes(answers));
        }
    }

    @Test
    void oneMobileRegisteredManyTimesAtOnceIsRegisteredOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String mobile = freshMobile();

            List<Response> answers = burst(() -> register(mobile, "secret123"));

            assertOnly(answers, 200, 200008);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `user` WHERE mobile = ?", Integer.class, mobile))
                    .isEqualTo(1);
        }
    }

    @Test
    void oneWeChatCodeUsedManyTimesAtOnceMakesOneUser() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String openId = "o-burst-" + UUID.randomUUID();
            String code = "c-" + UUID.randomUUID();
            WeChatStub.instance().session(code, openId, Base64.getEncoder().encodeToString(new byte[16]));

            List<Response> answers = burst(() -> api.post(WECHAT_LOGIN, "{\"code\":\"" + code + "\"}"));

            assertOnly(answers, 200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_auth WHERE auth_type = 'wxMini' AND auth_key = ?",
                    Integer.class, openId)).isEqualTo(1);
            assertThat(answers.stream().filter(r -> r.code() == 200)
                    .map(r -> userIdOf(r.data().path("accessToken").asString())).collect(Collectors.toSet()))
                    .as("every log-in is the one user").hasSize(1);
        }
    }

    @Test
    void anImageUploadedManyTimesAtOnceIsStoredPerAcceptedRequest() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String user = freshUser();

            List<Response> answers = burst(() -> api.post(UPLOAD, UploadApiIT.json("burst", ".png", UploadApiIT.PNG), user));

            assertOnly(answers, 200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM upload_file WHERE user_id = ?", Integer.class,
                    userIdOf(user))).isEqualTo(successes(answers));
        }
    }

    /** Check-ins go through their own group-commit writer: observed here, not changed by this test's subject. */
    @Test
    void aCheckinSentManyTimesAtOnceChecksInOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String user = freshUser();

            List<Response> answers = burst(() -> api.post(CHECKIN, "{}", user));

            assertOnly(answers, 200, 700006);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_record WHERE user_id = ?", Integer.class,
                    userIdOf(user))).isEqualTo(1);
        }
    }

    /** Instant attempts go through their own group-commit writer: observed here. */
    @Test
    void anInstantAttemptSentManyTimesAtOnceIsOneEntry() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = instantLottery(BURST);
            String player = freshUser();

            List<Response> answers = burst(() -> api.post(INSTANT, lotteryBody(lotteryId), player));

            assertOnly(answers, 200, 500028);
            assertThat(successes(answers)).as("%s", answers).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?",
                    Integer.class, lotteryId)).isEqualTo(1);
        }
    }

    /** {@link #BURST} identical requests, each on its own thread, released together. */
    private List<Response> burst(Supplier<Response> request) throws Exception {
        return runConcurrently(BURST, Collections.nCopies(BURST, 0), ignored -> request.get());
    }

    /**
     * Every answer is one of {@code codes} or a budget refusal, and enough of them got past the budgets for the
     * burst to have been a contest.
     */
    private static void assertOnly(List<Response> answers, Integer... codes) {
        Set<Integer> allowed = Set.of(codes);
        assertThat(answers).as("no database-busy or server error, only %s or %d", allowed, REFUSED)
                .allSatisfy(r -> assertThat(allowed.contains(r.code()) || r.code() == REFUSED).as("%s", r).isTrue());
        assertThat(answers.stream().filter(r -> r.code() != REFUSED).count())
                .as("requests past the budgets, contending: %s", answers).isGreaterThanOrEqualTo(2);
    }

    private static int successes(List<Response> answers) {
        return (int) answers.stream().filter(r -> r.code() == 200).count();
    }

    /** A user made straight in the database (no BCrypt), with a real token. */
    private String freshUser() {
        return bulkUserTokens(1).get(0);
    }

    private long instantLottery(int units) {
        return createLottery(freshUser(), lottery(3, 0, prize(1, units, 1_000_000)));
    }

    /** A new user who wins a unit of the instant lottery (its odds are 100%). */
    private String winnerOf(long lotteryId) {
        String token = freshUser();
        Response attempt = api.post(INSTANT, lotteryBody(lotteryId), token);
        assertThat(attempt.data().path("prizeId").asLong()).as("won: %s", attempt).isPositive();
        return token;
    }

    private long sponsorOf(String owner) {
        Response added = api.post(ADD_SPONSOR, sponsorBody("赞助"), owner);
        assertThat(added.code()).as("%s", added).isEqualTo(200);
        return added.data().path("id").asLong();
    }

    private static String lotteryBody(long lotteryId) {
        return "{\"lotteryId\":" + lotteryId + "}";
    }

    private static String idBody(long id) {
        return "{\"id\":" + id + "}";
    }

    private static String commentBody(long lotteryId, String content) {
        return JSON.createObjectNode().put("lotteryId", lotteryId).put("prizeName", "").put("content", content)
                .put("pics", "").toString();
    }

    private static String sponsorBody(String name) {
        return "{\"userId\":0,\"type\":1,\"appletType\":0,\"isShow\":1,\"name\":\"" + name + "\",\"desc\":\"desc\","
                + "\"avatar\":\"https://img.example.com/a.png\",\"qr_code\":\"https://img.example.com/qr.png\","
                + "\"inputA\":\"\",\"inputB\":\"\"}";
    }
}
