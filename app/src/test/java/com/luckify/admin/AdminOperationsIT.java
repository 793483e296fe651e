package com.luckify.admin;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.lottery.LotteryService;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient;
import com.luckify.support.DrawFixtures;
import com.luckify.support.InjectedFault;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The console's settings and operations pages: editing a draft, sponsors, check-in and task rewards, notification
 * dead letters and reconciliation runs, each change visible where it matters and audited.
 */
class AdminOperationsIT extends AdminTest {


    @Autowired
    ReconciliationLauncher reconciliation;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("drawJob")
    Job drawJob;

    @Autowired
    LotteryService lotteryService;

    @Test
    void aDraftIsEditedWithItsPrizesButAPublishedLotteryNeverIs() {
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        long ownerId = userIdOf(newUserToken());
        long draft = adminCreates(manager, ownerId, "草稿" + UUID.randomUUID().toString().substring(0, 5), false);

        String form = manager.get("/admin/lotteries/" + draft + "/edit").body();
        assertThat(form).contains("Edit draft", "value=\"一等奖\"", "readonly");
        Map<String, String> changed = lotteryForm(ownerId, "改过的草稿", false);
        changed.put("prizes[0].name", "二等奖");
        changed.put("prizes[0].count", "5");
        changed.put("prizes[1].name", "三等奖");
        changed.put("prizes[1].level", "3");
        changed.put("prizes[1].count", "9");
        changed.put("prizes[1].type", "1");
        changed.put("prizes[1].grantType", "1");
        AdminClient.Page saved = manager.htmxPost("/admin/lotteries/" + draft, changed);

        assertThat(saved.header("HX-Redirect")).isEqualTo("/admin/lotteries/" + draft + "?saved");
        assertThat(jdbc.queryForObject("SELECT name FROM lottery WHERE id = ?", String.class, draft)).isEqualTo("改过的草稿");
        assertThat(jdbc.queryForList("SELECT CONCAT(name, 'x', `count`) FROM prize WHERE lottery_id = ? ORDER BY level",
                String.class, draft)).containsExactly("二等奖x5", "三等奖x9");

        long published = adminCreates(manager, ownerId, "已发布" + UUID.randomUUID().toString().substring(0, 5), true);
        AdminClient.Page refused = manager.htmxPost("/admin/lotteries/" + published, lotteryForm(ownerId, "偷改", false));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Only a draft can be edited");
        assertThat(jdbc.queryForObject("SELECT name FROM lottery WHERE id = ?", String.class, published)).startsWith("已发布");
    }

    @Test
    void aHiddenSponsorIsFlaggedForTheMiniProgram() {
        String owner = newUserToken();
        long sponsorId = api.post("/usercenter/v1/userSponsor/addSponsor", "{\"userId\":0,\"type\":1,\"appletType\":0,"
                + "\"isShow\":1,\"name\":\"后台赞助\",\"desc\":\"desc\",\"avatar\":\"https://img.example.com/a.png\","
                + "\"qr_code\":\"https://img.example.com/qr.png\",\"inputA\":\"\",\"inputB\":\"\"}", owner).data().path("id").asLong();
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        Map<String, String> form = lotteryForm(userIdOf(owner), "有赞助" + UUID.randomUUID().toString().substring(0, 4), true);
        form.put("sponsorId", String.valueOf(sponsorId));
        AdminClient.Page created = manager.htmxPost("/admin/lotteries", form);
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        long lotteryId = Long.parseLong(created.header("HX-Redirect").replaceAll("\\D+(\\d+).*", "$1"));
        String detailBody = "{\"id\":" + lotteryId + "}";
        ApiClient.Response before = api.post("/lottery/v1/lottery/lotteryDetail", detailBody, owner);
        assertThat(before.data().path("sponsor").toString()).as("cached with the sponsor shown: %s", before)
                .contains("\"isShow\":1");

        assertThat(manager.htmxGet("/admin/sponsors?q=" + userIdOf(owner)).body()).contains("data-sponsor=\"" + sponsorId + "\"");
        manager.htmxPost("/admin/sponsors/" + sponsorId + "/shown", Map.of("shown", "false"));

        assertThat(api.post("/lottery/v1/lottery/lotteryDetail", detailBody, owner).data().path("sponsor").toString())
                .as("no stale detail, and no contact details of a hidden sponsor").contains("\"isShow\":2", "后台赞助")
                .doesNotContain("qr.png", "a.png");
        assertThat(api.post("/usercenter/v1/userSponsor/sponsorDetail", "{\"id\":" + sponsorId + "}", owner).data()
                .path("isShow").asInt()).as("its owner still sees it").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'sponsor' AND target_id = ?",
                String.class, String.valueOf(sponsorId))).containsExactly("sponsor.hide");
    }

    @Test
    void checkinRewardsChangedInTheConsolePayTheNextCheckin() {
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        List<Integer> before = jdbc.queryForList("SELECT reward FROM checkin_reward ORDER BY cycle_day", Integer.class);
        try {
            AdminClient.Page saved = manager.htmxPost("/admin/settings/checkin-rewards?reward=11&reward=12&reward=13"
                    + "&reward=14&reward=15&reward=16&reward=17", Map.of());
            assertThat(saved.body()).contains("Saved.", "value=\"11\"");

            String token = newUserToken();
            assertThat(api.post("/checkin/v1/checkin", "{}", token).data().toString()).contains("11");
            assertThat(jdbc.queryForObject("SELECT reward FROM checkin_record WHERE user_id = ?", Integer.class,
                    userIdOf(token))).isEqualTo(11);
            assertThat(manager.htmxPost("/admin/settings/checkin-rewards?reward=1&reward=-2", Map.of()).body())
                    .contains("Seven rewards of 0 to 100000 are needed.");
        } finally {
            restoreRewards(manager, before);
        }
    }

    @Test
    void aTasksRewardAndLimitAreChangedAndAudited() {
        AdminClient manager = loggedIn(StaffRole.ADMIN);
        Map<String, Object> before = jdbc.queryForMap("SELECT integral, need_count FROM tasks WHERE id = 4");
        try {
            manager.htmxPost("/admin/settings/tasks/4", Map.of("integral", "25", "needCount", "2", "enabled", "true"));

            assertThat(jdbc.queryForMap("SELECT integral, need_count FROM tasks WHERE id = 4"))
                    .containsEntry("integral", 25).containsEntry("need_count", 2);
            assertThat(manager.htmxPost("/admin/settings/tasks/4", Map.of("integral", "0", "needCount", "2")).body())
                    .contains("A reward of 1 to 100000");
        } finally {
            manager.htmxPost("/admin/settings/tasks/4", Map.of("integral", before.get("integral").toString(),
                    "needCount", before.get("need_count").toString(), "enabled", "true"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'task.change' AND target_id = '4'",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeadLetterIsRetriedByHandAndLeavesTheOpenList() {
        String openId = weChatUser();
        long userId = userIdOfOpenId(openId);
        jdbc.update("INSERT INTO notification_log (user_id, kind, reference, notify_day, template_id, payload, state, attempts,"
                + " last_error) VALUES (?, 'DRAW_RESULT', ?, ?, 'tpl-draw-result', ?, 'DEAD', 3, 'wechat 500')", userId,
                "dl-" + UUID.randomUUID(), LocalDate.now(BUSINESS),
                "{\"page\":\"pages/index\",\"data\":{\"thing1\":\"x\"}}");
        long logId = jdbc.queryForObject("SELECT MAX(id) FROM notification_log WHERE user_id = ?", Long.class, userId);
        jdbc.update("INSERT INTO notification_dead_letter (notification_log_id, error) VALUES (?, 'wechat 500')", logId);
        long deadLetter = jdbc.queryForObject("SELECT MAX(id) FROM notification_dead_letter", Long.class);
        AdminClient admin = loggedIn(StaffRole.ADMIN);

        assertThat(admin.get("/admin/dead-letters").body()).contains("data-dead-letter=\"" + deadLetter + "\"");
        AdminClient.Page retried = admin.htmxPost("/admin/dead-letters/" + deadLetter + "/retry", Map.of());

        assertThat(retried.body()).contains("Sent.").doesNotContain("data-dead-letter=\"" + deadLetter + "\"");
        assertThat(jdbc.queryForObject("SELECT resolved FROM notification_dead_letter WHERE id = ?", Integer.class, deadLetter))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'notification.retry' AND target_id = ?",
                Integer.class, String.valueOf(deadLetter))).isEqualTo(1);
    }

    @Test
    void reconciliationRunsShowWhatTheyFoundAndRepaired() throws Exception {
        // a like count that drifted: the run finds it and repairs it
        long lotteryId = createLottery(newUserToken(), lottery(3, 0,
                prize(1, 10, 1_000_000)));
        String winner = newUserToken();
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", winner);
        long commentId = api.post("/comment/v1/comment/addComment", "{\"lotteryId\":" + lotteryId
                + ",\"prizeName\":\"\",\"content\":\"晒一下\",\"pics\":\"\"}", winner).data().path("id").asLong();
        jdbc.update("UPDATE `comment` SET praise_count = 7 WHERE id = ?", commentId);
        JobExecution run = reconciliation.run();
        String runId = run.getJobParameters().getString("runId");
        AdminClient finance = loggedIn(StaffRole.FINANCE);

        assertThat(finance.get("/admin/reconciliation").body()).contains(runId);
        AdminClient.Page findings = finance.htmxGet("/admin/reconciliation?run=" + runId);
        assertThat(findings.isFullPage()).isFalse();
        assertThat(findings.body()).contains("PRAISE_COUNT", "comment " + commentId, "Repaired");
    }

    @Test
    void aFailedDrawIsRestartedFromTheJobsPageAndCompletes() throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 3)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 12_000);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        JobExecution failed;
        try (InjectedFault fault = InjectedFault.atCommit(jdbc, "selectWinners", 2, "lotteryId", lotteryId)) {
            failed = jobOperator.start(drawJob, new JobParametersBuilder().addLong("lotteryId", lotteryId).toJobParameters());
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        assertThat(admin.get("/admin/jobs?job=drawJob&status=FAILED").body())
                .contains("execution-" + failed.getId(), "/admin/jobs/" + failed.getId() + "/restart");

        AdminClient.Page restarted = admin.htmxPost("/admin/jobs/" + failed.getId() + "/restart", Map.of());

        assertThat(restarted.body()).contains("Started. Its progress shows below.");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId) == 0) {
            assertThat(System.nanoTime()).as("drawn by the restart").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1",
                Integer.class, lotteryId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'job.restart' AND target_id = ?",
                Integer.class, String.valueOf(failed.getId()))).isEqualTo(1);
        assertThat(admin.htmxPost("/admin/jobs/" + failed.getId() + "/restart", Map.of()).body())
                .contains("Only a failed or stopped execution can be restarted.");
    }

    @Test
    void aRunningDrawIsStoppedFromTheJobsPageAndThenRestartedToTheEnd() throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 5)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 150_000);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        CompletableFuture<JobExecution> draw = CompletableFuture.supplyAsync(() -> {
            try {
                return jobOperator.start(drawJob, new JobParametersBuilder().addLong("lotteryId", lotteryId).toJobParameters());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long executionId = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (executionId == 0 && !draw.isDone() && System.nanoTime() < deadline) {
            List<Long> running = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_STEP_EXECUTION s"
                    + " ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID ="
                    + " e.JOB_EXECUTION_ID WHERE e.STATUS = 'STARTED' AND s.STEP_NAME = 'selectWinners' AND p.PARAMETER_NAME ="
                    + " 'lotteryId' AND p.PARAMETER_VALUE = ?", Long.class, String.valueOf(lotteryId));
            executionId = running.isEmpty() ? 0 : running.get(0);
        }
        assertThat(executionId).as("seen running").isPositive();

        AdminClient.Page stopped = admin.htmxPost("/admin/jobs/" + executionId + "/stop", Map.of());

        assertThat(stopped.status()).isEqualTo(200);
        // Batch 6's stop rewrites the running step from a stale copy; when the step commits a page at that moment,
        // its own update loses on the version and the run ends FAILED instead of STOPPED: stopped either way, and
        // restartable either way
        assertThat(draw.get(60, TimeUnit.SECONDS).getStatus()).isIn(BatchStatus.STOPPED, BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId)).isZero();
        admin.htmxPost("/admin/jobs/" + executionId + "/restart", Map.of());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.queryForObject("SELECT is_announced FROM lottery WHERE id = ?", Integer.class, lotteryId) == 0) {
            assertThat(System.nanoTime()).as("drawn by the restart").isLessThan(until);
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1",
                Integer.class, lotteryId)).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'job_execution' AND target_id = ?"
                + " ORDER BY id", String.class, String.valueOf(executionId))).containsExactly("job.stop", "job.restart");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void restoreRewards(AdminClient client, List<Integer> rewards) {
        StringBuilder query = new StringBuilder();
        rewards.forEach(reward -> query.append(query.length() == 0 ? "?" : "&").append("reward=").append(reward));
        client.htmxPost("/admin/settings/checkin-rewards" + query, Map.of());
    }


}
