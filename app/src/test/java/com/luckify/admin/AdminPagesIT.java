package com.luckify.admin;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's pages over HTTP against the real application: each list in both renderings (the page, or the
 * fragment an htmx request swaps in), and each action's effect where users notice it (the mini-program API, the
 * notices, the audit log).
 */
class AdminPagesIT extends AdminTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void oneUrlTwoRenderingsAndTheFiltersStayInTheUrl() {
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        String name = "双渲染" + UUID.randomUUID().toString().substring(0, 6);
        long id = adminCreates(manager, userIdOf(newUserToken()), name, true);

        AdminClient.Page page = manager.get("/admin/lotteries?q=" + name + "&state=LIVE");
        AdminClient.Page fragment = manager.htmxGet("/admin/lotteries?q=" + name + "&state=LIVE");

        assertThat(page.isFullPage()).isTrue();
        assertThat(page.body()).contains("value=\"" + name + "\"", "data-lottery=\"" + id + "\"");
        assertThat(fragment.isFullPage()).isFalse();
        assertThat(fragment.body()).startsWith("<div class=\"card\" id=\"results\"").contains("data-lottery=\"" + id + "\"")
                .doesNotContain("<html");
        assertThat(fragment.header("Vary")).contains("HX-Request");
        assertThat(manager.htmxGet("/admin/lotteries?q=" + name + "&state=DRAFT").body()).doesNotContain("data-lottery=\"" + id);
        // htmx restoring a page it no longer has in its history cache asks for the whole page
        assertThat(manager.get("/admin/lotteries?q=" + name, Map.of("HX-Request", "true", "HX-History-Restore-Request", "true"))
                .isFullPage()).isTrue();
    }

    @Test
    void theCreateFormShowsItsErrorsInlineAndKeepsWhatWasTyped() {
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        Map<String, String> form = lotteryForm(userIdOf(newUserToken()), "缺奖品名", false);
        form.put("prizes[0].name", "");
        form.put("announceType", "2");
        form.put("joinNumber", "0");

        AdminClient.Page answer = manager.htmxPost("/admin/lotteries", form);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isFullPage()).isFalse();
        assertThat(answer.body()).contains("id=\"lottery-form\"", "value=\"缺奖品名\"",
                "A prize needs a name of at most 50 characters.", "A lottery drawn by participants needs their number.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE name = '缺奖品名'", Integer.class)).isZero();

        // a rule only the lottery feature knows comes back on its field too
        Map<String, String> past = lotteryForm(userIdOf(newUserToken()), "过去的时间", false);
        past.put("announceTime", LocalDateTime.now(BUSINESS).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
        assertThat(manager.htmxPost("/admin/lotteries", past).body()).contains("The announce time must be in the future.");
    }

    @Test
    void aDraftIsPublishedFeaturedAndCancelledAndTheMiniProgramSeesEachStep() {
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        long id = adminCreates(manager, userIdOf(newUserToken()), "后台创建" + UUID.randomUUID().toString().substring(0, 6),
                false);
        assertThat(listed(id, false)).as("a draft is not listed").isFalse();

        AdminClient.Page published = manager.htmxPost("/admin/lotteries/" + id + "/publish", Map.of());
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body()).contains("id=\"lottery-state\"", ">Live<");
        assertThat(listed(id, false)).isTrue();
        assertThat(listed(id, true)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM draw_record WHERE lottery_id = ?", Integer.class, id))
                .as("its draw seed").isEqualTo(1);

        manager.htmxPost("/admin/lotteries/" + id + "/feature", Map.of("featured", "true"));
        assertThat(listed(id, true)).isTrue();

        // a participant who logged in with WeChat is told when it is cancelled
        String openId = weChatUser();
        assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + id + "}", tokenOf(openId)).code())
                .isEqualTo(200);
        assertThat(manager.htmxPost("/admin/lotteries/" + id + "/cancel", Map.of("reason", " ")).status()).isEqualTo(422);
        AdminClient.Page cancelled = manager.htmxPost("/admin/lotteries/" + id + "/cancel", Map.of("reason", "赞助商撤回"));
        assertThat(cancelled.body()).contains(">Cancelled<", "Cancelled: 赞助商撤回");
        assertThat(listed(id, true)).isFalse();
        awaitEventsHandled();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_log WHERE user_id = ? AND kind = 'LOTTERY_CANCELLED'"
                + " AND reference = ?", Integer.class, userIdOfOpenId(openId), String.valueOf(id))).isEqualTo(1);
        assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + id + "}", newUserToken()).code())
                .isEqualTo(500032);

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'lottery' AND target_id = ? ORDER BY id",
                String.class, String.valueOf(id)))
                .containsExactly("lottery.create", "lottery.publish", "lottery.feature", "lottery.cancel");
    }

    @Test
    void aRefusedActionIsAMessageInTheFlashAreaNeverAStackTrace() {
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        long id = adminCreates(manager, userIdOf(newUserToken()), "重复发布" + UUID.randomUUID().toString().substring(0, 6),
                true);

        AdminClient.Page answer = manager.htmxPost("/admin/lotteries/" + id + "/publish", Map.of());
        AdminClient.Page missing = manager.get("/admin/lotteries/999999999");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("HX-Retarget")).isEqualTo("#flash");
        assertThat(answer.body()).contains("Only a draft whose announce time is still ahead can be published.")
                .doesNotContain("Exception", "at com.");
        assertThat(missing.isFullPage()).isTrue();
        assertThat(missing.body()).contains("No such lottery.").doesNotContain("Exception");
    }

    @Test
    void moderatorsReviewFlaggedCommentsOneAtATimeOrInBulkAndScriptsStayText() {
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 10, 1_000_000)));
        long script = flaggedComment(lotteryId, "<script>alert(1)</script> BadWord");
        long second = flaggedComment(lotteryId, "第二条 违禁词");
        AdminClient moderator = loggedIn(StaffRole.MODERATOR);

        // the queue is worked oldest first; a shared test database has older pending comments, so look at this author's
        long author = jdbc.queryForObject("SELECT user_id FROM `comment` WHERE id = ?", Long.class, script);
        String queue = moderator.get("/admin/moderation?tab=PENDING&author=" + author).body();
        assertThat(queue).contains("data-comment=\"" + script + "\"", "&lt;script&gt;alert(1)&lt;/script&gt; BadWord")
                .doesNotContain("<script>alert(1)</script>");

        AdminClient.Page bulk = moderator.htmxPost("/admin/moderation/approve",
                Map.of("ids", script + "", "tab", "PENDING"));
        assertThat(bulk.body()).contains("1 comment(s) changed.").doesNotContain("data-comment=\"" + script + "\"");
        assertThat(state(script)).isEqualTo("VISIBLE");
        assertThat(commentListed(lotteryId, script)).isTrue();

        moderator.htmxPost("/admin/moderation/hide", Map.of("ids", script + "", "reason", "广告", "tab", "ALL"));
        assertThat(state(script)).isEqualTo("HIDDEN");
        assertThat(commentListed(lotteryId, script)).isFalse();

        moderator.htmxPost("/admin/moderation/delete?ids=" + script + "&ids=" + second, Map.of("tab", "ALL"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM `comment` WHERE id IN (?, ?) AND deleted_at IS NOT NULL",
                Integer.class, script, second)).isEqualTo(2);
        moderator.htmxPost("/admin/moderation/restore?ids=" + second, Map.of("tab", "DELETED"));
        assertThat(jdbc.queryForObject("SELECT deleted_at IS NULL FROM `comment` WHERE id = ?", Boolean.class, second)).isTrue();

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'comment' AND target_id = ? ORDER BY id",
                String.class, String.valueOf(script))).containsExactly("comment.approve", "comment.hide", "comment.delete");
        assertThat(moderator.htmxPost("/admin/moderation/approve", Map.of("tab", "PENDING")).body())
                .contains("Select at least one comment.");
    }

    @Test
    void aSensitiveWordAddedInTheConsoleSendsNewCommentsToReview() {
        String word = "词" + UUID.randomUUID().toString().substring(0, 6);
        AdminClient moderator = loggedIn(StaffRole.MODERATOR);

        AdminClient.Page words = moderator.htmxPost("/admin/moderation/words", Map.of("word", word));
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 10, 1_000_000)));

        assertThat(words.body()).contains(word);
        assertThat(state(flaggedComment(lotteryId, "含有" + word + "的晒单"))).isEqualTo("PENDING");
        assertThat(moderator.htmxPost("/admin/moderation/words", Map.of("word", word)).body())
                .contains("That word is listed already.");
    }

    @Test
    void anAdminBlacklistsAUserWhoIsThenRefusedAndUnblocksThem() {
        String token = newUserToken();
        long userId = userIdOf(token);
        String mobile = jdbc.queryForObject("SELECT mobile FROM `user` WHERE id = ?", String.class, userId);
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 1)));

        assertThat(admin.htmxGet("/admin/users?q=" + mobile).body()).contains("/admin/users/" + userId)
                .contains(mobile.substring(0, 3) + "****");
        AdminClient.Page banned = admin.htmxPost("/admin/users/" + userId + "/blacklist", Map.of("reason", "刷单"));
        assertThat(banned.body()).contains("id=\"blacklisted-badge\"", "刷单");
        assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", token).code())
                .as("the ban revoked the token the user held").isEqualTo(100003);
        String loggedInAgain = api.post("/usercenter/v1/user/login", "{\"mobile\":\"" + mobile
                + "\",\"password\":\"secret123\"}").data().path("accessToken").asString();
        assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", loggedInAgain)
                .code()).as("logged in again, still banned").isEqualTo(200015);
        assertThat(admin.htmxPost("/admin/users/" + userId + "/blacklist", Map.of("reason", "again")).body())
                .contains("This user is blacklisted already.");

        admin.htmxPost("/admin/users/" + userId + "/unblock", Map.of());
        assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", loggedInAgain)
                .code()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = ? ORDER BY id",
                String.class, String.valueOf(userId))).containsExactly("user.blacklist", "user.unblock");
    }

    @Test
    void aUsersPageShowsTheirLedgerCheckinsEntriesAndComments() {
        String token = newUserToken();
        long userId = userIdOf(token);
        api.post("/checkin/v1/checkin", "{}", token);
        // the ledger is for administrators (LeastPrivilegeIT: a moderator sees none)
        AdminClient admin = loggedIn(StaffRole.ADMIN);

        String page = admin.get("/admin/users/" + userId).body();

        assertThat(page).contains("id=\"ledger\"", "Points ledger", "Check-ins", LocalDateTime.now(BUSINESS).toLocalDate().toString());
        assertThat(loggedIn(StaffRole.MODERATOR).get("/admin/users/" + userId).body()).as("only admins ban")
                .contains("Check-ins").doesNotContain("id=\"blacklist\"");
    }

    @Test
    void theAuditLogIsFilteredByActionAndPaged() {
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        String word = "审计" + UUID.randomUUID().toString().substring(0, 6);
        admin.htmxPost("/admin/moderation/words", Map.of("word", word));
        AdminClient finance = loggedIn(StaffRole.FINANCE);

        AdminClient.Page filtered = finance.htmxGet("/admin/audit?action=word.add&targetId=" + word);

        assertThat(filtered.isFullPage()).isFalse();
        assertThat(filtered.body()).contains(word, "word.add", "1 results");
        assertThat(finance.get("/admin/audit?action=word.add").body()).contains("selected=\"selected\">word.add<");
    }

    @Test
    void theDashboardCountsTodayAndFeedsThirtyDaysToItsCharts() {
        api.post("/checkin/v1/checkin", "{}", newUserToken());
        AdminClient finance = loggedIn(StaffRole.FINANCE);
        int checkinsToday = jdbc.queryForObject("SELECT COUNT(*) FROM checkin_record WHERE checkin_date = ?", Integer.class,
                LocalDateTime.now(BUSINESS).toLocalDate());

        JsonNode series = JSON.readTree(finance.get("/admin/dashboard/series.json").body());
        String dashboard = finance.get("/admin").body();

        assertThat(series.path("days").size()).isEqualTo(30);
        assertThat(series.path("days").get(29).asString()).isEqualTo(LocalDateTime.now(BUSINESS).toLocalDate().toString());
        assertThat(series.path("checkins").get(29).asLong()).isEqualTo(checkinsToday);
        assertThat(series.path("participations").size()).isEqualTo(30);
        assertThat(dashboard).contains("data-kpi=\"checkins\"", "id=\"trend-chart\"", "/webjars/echarts/5.3.1/dist/echarts.min.js");
    }

    @Test
    void jobsAreLaunchedByHandAndTheirRowsRefreshUntilTheyEnd() throws Exception {
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION", Long.class);

        AdminClient.Page launched = admin.htmxPost("/admin/jobs/launch", Map.of("job", "RECONCILIATION"));
        assertThat(launched.body()).contains("Started. Its progress shows below.");
        long executionId = awaitExecutionAfter(before, "reconciliationJob");
        String row = awaitRow(admin, executionId, "COMPLETED");

        assertThat(row).contains("data-status=\"COMPLETED\"", "aria-valuenow=\"100\"").doesNotContain("hx-trigger");
        assertThat(admin.htmxPost("/admin/jobs/" + executionId + "/stop", Map.of()).body())
                .contains("That execution is not running any more.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'job.launch' AND target_id = 'RECONCILIATION'"
                + " AND actor_id = (SELECT MAX(id) FROM staff_account)", Integer.class)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theConsoleSpeaksChineseToChineseBrowsersAndSwitchesOnRequest() {
        AdminClient admin = loggedIn(StaffRole.ADMIN);

        assertThat(admin.get("/admin?lang=zh").body()).contains("今日 · 近 30 天共", "抽奖活动");
        assertThat(admin.get("/admin").body()).as("kept in a cookie").contains("今日 · 近 30 天共");
        assertThat(admin.get("/admin?lang=en").body()).contains("today · ");
    }

    @Test
    void administratorsManageStaffAccountsButNotTheirOwnAdminRole() {
        String me = staff(StaffRole.ADMIN);
        AdminClient admin = new AdminClient(port);
        admin.login(me, PASSWORD);
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);

        admin.htmxPost("/admin/staff", Map.of("username", username, "password", "long-enough-pass", "roles", "FINANCE"));
        assertThat(new AdminClient(port).login(username, "long-enough-pass").redirectsTo("/admin")).isTrue();
        assertThat(admin.htmxPost("/admin/staff", Map.of("username", "short-" + username, "password", "short",
                "roles", "FINANCE")).body()).contains("A password needs at least 10 characters.");
        long created = staffId(username);
        String subject = "sub-" + UUID.randomUUID();
        admin.htmxPost("/admin/staff/" + created + "/oidc", Map.of("issuer", "https://sso.corp.example", "subject", subject));
        assertThat(jdbc.queryForObject("SELECT oidc_subject FROM staff_account WHERE id = ?", String.class, created))
                .isEqualTo(subject);
        long other = staffId(staff(StaffRole.FINANCE));
        assertThat(admin.htmxPost("/admin/staff/" + other + "/oidc", Map.of("issuer", "https://sso.corp.example",
                "subject", subject)).body())
                .contains("That identity is linked to another account.");
        assertThat(admin.htmxPost("/admin/staff/" + staffId(me) + "/enabled", Map.of("enabled", "false")).body())
                .contains("You cannot disable your own account.");
    }

    // ------------------------------------------------------------------------------------------------ helpers



    /** Whether the public list (or the featured list) shows the lottery. */
    private boolean listed(long id, boolean featured) {
        JsonNode list = api.post("/lottery/v1/lottery/lotteryList", "{\"lastId\":" + (id + 1) + ",\"pageSize\":1,\"isSelected\":"
                + (featured ? 1 : 0) + "}").data().path("list");
        return list.size() == 1 && list.get(0).path("id").asLong() == id;
    }

    /** A comment by a new winner of the (certain-win instant) lottery; returns its id. */
    private long flaggedComment(long lotteryId, String content) {
        String winner = newUserToken();
        assertThat(api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", winner)
                .data().path("prizeId").asLong()).isPositive();
        String body = JSON.createObjectNode().put("lotteryId", lotteryId).put("prizeName", "").put("content", content)
                .put("pics", "").toString();
        ApiClient.Response added = api.post("/comment/v1/comment/addComment", body, winner);
        assertThat(added.code()).as("%s", added).isEqualTo(200);
        return added.data().path("id").asLong();
    }

    private String state(long commentId) {
        return jdbc.queryForObject("SELECT moderation_state FROM `comment` WHERE id = ?", String.class, commentId);
    }

    private boolean commentListed(long lotteryId, long commentId) {
        JsonNode list = api.post("/comment/v1/comment/getCommentList", "{\"lotteryId\":" + lotteryId
                + ",\"lastId\":0,\"pageSize\":50,\"sort\":0}", newUserToken()).data().path("list");
        for (JsonNode item : list) {
            if (item.path("id").asLong() == commentId) {
                return true;
            }
        }
        return false;
    }

    private long awaitExecutionAfter(long before, String job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<Long> ids = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE e.JOB_EXECUTION_ID > ? AND i.JOB_NAME = ?", Long.class,
                    before, job);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + job + " execution started");
    }

    private static String awaitRow(AdminClient client, long executionId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String row = "";
        while (System.nanoTime() < deadline) {
            row = client.htmxGet("/admin/jobs/" + executionId).body();
            if (row.contains("data-status=\"" + status + "\"")) {
                return row;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("execution " + executionId + " did not reach " + status + ": " + row);
    }

}
