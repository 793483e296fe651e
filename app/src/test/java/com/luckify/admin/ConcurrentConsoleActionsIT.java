package com.luckify.admin;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several staff members doing the same thing at the same moment in the console (two managers cancelling one
 * lottery, moderators approving one comment): one of them changes it, the others are told why not (422) or find
 * nothing left to do; nobody gets an error page (500), and the audit log holds each change once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentConsoleActionsIT extends AdminTest {

    private static final int STAFF = 4;
    private static final int BURSTS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private List<AdminClient> staff;

    /** Once for the class: each log-in costs a BCrypt check. */
    @BeforeAll
    void staffLoggedIn() {
        staff = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            staff.add(loggedIn(StaffRole.ADMIN));
        }
    }

    @Test
    void aLotteryCancelledByEveryoneAtOnceIsCancelledOnce() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));

            List<AdminClient.Page> answers = together(c -> c.htmxPost("/admin/lotteries/" + lotteryId + "/cancel",
                    Map.of("reason", "同时取消")));

            assertThat(statuses(answers)).as("%s", answers).containsOnly(200, 422).containsOnlyOnce(200);
            assertThat(audited("lottery.cancel", "lottery", lotteryId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'LotteryCancelled'"
                    + " AND aggregate_id = ?", Integer.class, lotteryId)).isEqualTo(1);
        }
    }

    @Test
    void aLotteryFeaturedByEveryoneAtOnceIsFeatured() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));

            List<AdminClient.Page> answers = together(c -> c.htmxPost("/admin/lotteries/" + lotteryId + "/feature",
                    Map.of("featured", "true")));

            assertThat(statuses(answers)).as("%s", answers).containsOnly(200);
            assertThat(jdbc.queryForObject("SELECT is_selected FROM lottery WHERE id = ?", Integer.class, lotteryId))
                    .isEqualTo(1);
        }
    }

    @Test
    void aCommentApprovedByEveryModeratorAtOnceIsApprovedOnce() throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, BURSTS, 1_000_000)));
        for (int i = 0; i < BURSTS; i++) {
            long commentId = flaggedComment(lotteryId);

            List<AdminClient.Page> answers = together(c -> c.htmxPost("/admin/moderation/approve",
                    Map.of("ids", String.valueOf(commentId), "tab", "PENDING")));

            assertThat(statuses(answers)).as("%s", answers).containsOnly(200);
            assertThat(jdbc.queryForObject("SELECT moderation_state FROM `comment` WHERE id = ?", String.class, commentId))
                    .isEqualTo("VISIBLE");
            assertThat(audited("comment.approve", "comment", commentId)).isEqualTo(1);
        }
    }

    @Test
    void aUserBlacklistedByEveryoneAtOnceHasOneBan() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long userId = userIdOf(newUserToken());

            List<AdminClient.Page> answers = together(c -> c.htmxPost("/admin/users/" + userId + "/blacklist",
                    Map.of("reason", "刷单")));

            assertThat(statuses(answers)).as("%s", answers).containsOnly(200, 422).containsOnlyOnce(200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_blacklist WHERE user_id = ?", Integer.class,
                    userId)).isEqualTo(1);
        }
    }

    @Test
    void aSponsorHiddenByEveryoneAtOnceIsHidden() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            String owner = newUserToken();
            long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"userId\":0,\"type\":1,\"appletType\":0,"
                    + "\"isShow\":1,\"name\":\"并发赞助\",\"desc\":\"desc\",\"avatar\":\"https://img.example.com/a.png\","
                    + "\"qr_code\":\"https://img.example.com/qr.png\",\"inputA\":\"\",\"inputB\":\"\"}", owner)
                    .data().path("id").asLong();

            List<AdminClient.Page> answers = together(c -> c.htmxPost("/admin/sponsors/" + sponsorId + "/shown",
                    Map.of("shown", "false")));

            assertThat(statuses(answers)).as("%s", answers).containsOnly(200);
            assertThat(jdbc.queryForObject("SELECT hidden_by_staff FROM user_sponsor WHERE id = ?", Integer.class,
                    sponsorId)).as("hidden by staff").isEqualTo(1);
        }
    }

    /** Settings saved by several staff at once, with the values they have (so other tests see no change). */
    @Test
    void settingsSavedByEveryoneAtOnceAreSaved() throws Exception {
        Map<String, Object> task = jdbc.queryForMap("SELECT integral, need_count, enabled FROM tasks WHERE id = 4");
        String rewards = jdbc.queryForList("SELECT reward FROM checkin_reward ORDER BY cycle_day", Integer.class).stream()
                .map(r -> "reward=" + r).collect(Collectors.joining("&"));
        for (int i = 0; i < BURSTS; i++) {
            List<AdminClient.Page> taskAnswers = together(c -> c.htmxPost("/admin/settings/tasks/4", Map.of(
                    "integral", task.get("integral").toString(), "needCount", task.get("need_count").toString(),
                    "enabled", String.valueOf(((Number) task.get("enabled")).intValue() == 1))));
            List<AdminClient.Page> rewardAnswers = together(c -> c.htmxPost("/admin/settings/checkin-rewards?" + rewards,
                    Map.of()));

            assertThat(statuses(taskAnswers)).as("%s", taskAnswers).containsOnly(200);
            assertThat(statuses(rewardAnswers)).as("%s", rewardAnswers).containsOnly(200);
        }
    }

    @Test
    void aStaffAccountDisabledByEveryAdminAtOnceIsDisabled() throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            long target = staffId(staff(StaffRole.MODERATOR));

            List<AdminClient.Page> answers = together(c -> c.htmxPost("/admin/staff/" + target + "/enabled",
                    Map.of("enabled", "false")));

            assertThat(statuses(answers)).as("%s", answers).containsOnly(200);
            assertThat(jdbc.queryForObject("SELECT enabled FROM staff_account WHERE id = ?", Integer.class, target))
                    .isZero();
        }
    }

    /** Each staff member's request on its own thread, all released together. */
    private List<AdminClient.Page> together(Function<AdminClient, AdminClient.Page> action) throws Exception {
        return runConcurrently(staff.size(), staff, action);
    }

    private static List<Integer> statuses(List<AdminClient.Page> pages) {
        return pages.stream().map(AdminClient.Page::status).toList();
    }

    private int audited(String action, String targetType, long targetId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target_type = ? AND target_id = ?",
                Integer.class, action, targetType, String.valueOf(targetId));
    }

    /** A prize show held for review (a sensitive word), by a new winner of the certain-win instant lottery. */
    private long flaggedComment(long lotteryId) {
        String winner = newUserToken();
        assertThat(api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", winner)
                .data().path("prizeId").asLong()).isPositive();
        String body = JSON.createObjectNode().put("lotteryId", lotteryId).put("prizeName", "").put("content", "BadWord 晒单")
                .put("pics", "").toString();
        ApiClient.Response added = api.post("/comment/v1/comment/addComment", body, winner);
        assertThat(added.data().path("moderationState").asString()).as("%s", added).isEqualTo("PENDING");
        return added.data().path("id").asLong();
    }
}
