package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.lottery.LotteryService;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.ClockTasks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proven clock tasks: a completed clock task multiplies the draw odds, so it counts only by redeeming the ticket
 * startClockTask issued, after the task's seconds, by the user it was issued to, for its lottery, once; and the
 * multiplier a lottery may promise is capped (luckify.lottery.limits.clock-task-max-multiplier, default 5).
 * Before tickets, completeClockTask took the caller's word at once, and a lottery could multiply odds by 100.
 */
class ClockTaskTicketIT extends AdminTest {

    private static final String BASE = "/lottery/v1/lottery/";

    @Autowired
    DrawLauncher launcher;

    @Autowired
    LotteryService lotteryService;

    @Test
    void aClockTaskIsNotTakenOnTheCallersWord() {
        long lotteryId = createLottery(newUserToken(), clocked(15, 2, 3));
        String player = newUserToken();

        // what the mini-program sent before tickets: only the lottery
        Response oldClient = api.post(BASE + "completeClockTask", "{\"lotteryId\":" + lotteryId + "}", player);

        assertThat(oldClient.status()).isEqualTo(400);
        assertThat(oldClient.code()).isEqualTo(500054);
        assertThat(done(player, lotteryId)).isZero();
    }

    @Test
    void aTicketRedeemedBeforeTheTaskTimeIsRefusedAndAfterItTheMultiplierApplies() {
        long lotteryId = createLottery(newUserToken(), clocked(15, 2, 3));
        String player = newUserToken();
        String other = newUserToken();
        assertThat(join(player, lotteryId).code()).isEqualTo(200);
        assertThat(join(other, lotteryId).code()).isEqualTo(200);
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock.set(started);

        Response start = ClockTasks.start(api, player, lotteryId);
        String ticket = start.data().path("ticket").asString();

        assertThat(start.code()).as("%s", start).isEqualTo(200);
        assertThat(ticket).matches("[0-9a-f]{32}");
        long redeemableAt = start.data().path("redeemableAt").asLong();
        assertThat(redeemableAt).as("the start plus 15 s, rounded up to a second")
                .isEqualTo(started.plusSeconds(15).plusMillis(999).getEpochSecond());

        Response atOnce = ClockTasks.complete(api, player, lotteryId, ticket);
        clock.set(started.plusSeconds(15).minusMillis(1));
        Response aMomentBeforeTheTime = ClockTasks.complete(api, player, lotteryId, ticket);
        clock.set(Instant.ofEpochSecond(redeemableAt).minusMillis(1));
        Response aMomentBeforeRedeemableAt = ClockTasks.complete(api, player, lotteryId, ticket);

        assertThat(atOnce.code()).as("%s", atOnce).isEqualTo(500055);
        assertThat(aMomentBeforeTheTime.code()).as("%s", aMomentBeforeTheTime).isEqualTo(500055);
        assertThat(aMomentBeforeRedeemableAt.code()).as("%s", aMomentBeforeRedeemableAt).isEqualTo(500055);
        assertThat(done(player, lotteryId)).isZero();
        assertThat(detail(player, lotteryId).path("isClockTaskDone").asInt()).isZero();

        clock.set(Instant.ofEpochSecond(redeemableAt));
        Response due = ClockTasks.complete(api, player, lotteryId, ticket);

        assertThat(due.code()).as("a refused early redemption left the ticket usable: %s", due).isEqualTo(200);
        assertThat(done(player, lotteryId)).isOne();
        assertThat(detail(player, lotteryId).path("isClockTaskDone").asInt()).isOne();

        // the draw gives the proven task its multiplier (x3) and the other entrant weight 1
        clock.reset();
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(weight(player, lotteryId)).isEqualTo(3);
        assertThat(weight(other, lotteryId)).isEqualTo(1);
    }

    @Test
    void aTicketIsRedeemedOnce() {
        long lotteryId = createLottery(newUserToken(), clocked(0, 2, 2));
        String player = newUserToken();
        String ticket = ClockTasks.ticket(api, player, lotteryId);

        assertThat(ClockTasks.complete(api, player, lotteryId, ticket).code()).isEqualTo(200);
        Response again = ClockTasks.complete(api, player, lotteryId, ticket);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(500057);
        // a new start and redemption is fine, and the task still counts once
        assertThat(ClockTasks.startAndComplete(api, player, lotteryId).code()).isEqualTo(200);
        assertThat(done(player, lotteryId)).isOne();
    }

    @Test
    void aTicketIsOnlyForItsUserAndItsLottery() {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, clocked(0, 2, 2));
        long otherLottery = createLottery(owner, clocked(0, 2, 2));
        String holder = newUserToken();
        String thief = newUserToken();
        String ticket = ClockTasks.ticket(api, holder, lotteryId);

        assertThat(ClockTasks.complete(api, thief, lotteryId, ticket).code()).isEqualTo(500056);
        assertThat(ClockTasks.complete(api, holder, otherLottery, ticket).code()).isEqualTo(500056);
        assertThat(ClockTasks.complete(api, holder, lotteryId, "0".repeat(32)).code()).isEqualTo(500056);
        assertThat(done(thief, lotteryId)).isZero();
        assertThat(done(holder, otherLottery)).isZero();

        assertThat(ClockTasks.complete(api, holder, lotteryId, ticket).code()).as("still the holder's").isEqualTo(200);
        assertThat(done(holder, lotteryId)).isOne();
    }

    @Test
    void oneTicketRedeemedManyTimesAtOnceCountsOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            long lotteryId = createLottery(newUserToken(), clocked(0, 2, 2));
            String player = newUserToken();
            String ticket = ClockTasks.ticket(api, player, lotteryId);

            List<Response> answers = runConcurrently(12, Collections.nCopies(12, player),
                    caller -> ClockTasks.complete(api, caller, lotteryId, ticket));

            assertThat(answers).extracting(Response::code).as("%s", answers).containsOnly(200, 500057)
                    .filteredOn(code -> code == 200).hasSize(1);
            assertThat(done(player, lotteryId)).isOne();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clock_task_ticket WHERE ticket = ? "
                    + "AND redeemed_at IS NOT NULL", Integer.class, ticket)).isOne();
        }
    }

    @Test
    void aLotteryPromisingMoreThanTheCapIsRefusedByTheApi() {
        String token = newUserToken();

        Response sixTimes = api.post(BASE + "createLottery", clocked(10, 2, 6), token);
        Response hundredTimes = api.post(BASE + "createLottery", clocked(10, 2, 100), token);
        Response statedAboveWhateverTheChance = api.post(BASE + "createLottery", clocked(10, 1, 6), token);

        for (Response refused : List.of(sixTimes, hundredTimes, statedAboveWhateverTheChance)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.code()).as("%s", refused).isEqualTo(500053);
            assertThat(refused.msg()).contains("5");
        }
        assertThat(lotteriesOf(token)).isZero();
        assertThat(api.post(BASE + "createLottery", clocked(10, 2, 5), token).code()).as("at the cap").isEqualTo(200);
        assertThat(lotteriesOf(token)).isOne();
    }

    @Test
    void aLotteryPromisingMoreThanTheCapIsRefusedInTheConsole() {
        String owner = newUserToken();
        AdminClient manager = loggedIn(StaffRole.CAMPAIGN_MANAGER);
        Map<String, String> form = lotteryForm(userIdOf(owner), "打卡" + UUID.randomUUID().toString().substring(0, 4), true);
        form.put("clockTask", "true");
        form.put("clockType", "3");
        form.put("clockSeconds", "10");
        form.put("clockCopywriting", "看图");
        form.put("clockIncreaseMultiple", "6");

        AdminClient.Page refused = manager.htmxPost("/admin/lotteries", form);

        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.header("HX-Redirect")).isNull();
        assertThat(lotteriesOf(owner)).isZero();

        form.put("clockIncreaseMultiple", "5");
        AdminClient.Page created = manager.htmxPost("/admin/lotteries", form);
        assertThat(created.header("HX-Redirect")).as("%s", created).isNotNull();
        assertThat(lotteriesOf(owner)).isOne();
    }

    /** A by-time lottery with a clock task of {@code seconds}, chance type and multiple. */
    private static String clocked(int seconds, int chanceType, int increaseMultiple) {
        return lottery(1, 0, prize(1, 1)).replace("\"isClocked\":0", "\"isClocked\":1,\"clockTask\":{\"type\":2,"
                + "\"seconds\":" + seconds + ",\"articleLink\":\"https://mp.example.com/a\",\"copywriting\":\"读一读\","
                + "\"chanceType\":" + chanceType + ",\"increaseMultiple\":" + increaseMultiple + "}");
    }

    private Response join(String token, long lotteryId) {
        return api.post(BASE + "participation", "{\"lotteryId\":" + lotteryId + "}", token);
    }

    private tools.jackson.databind.JsonNode detail(String token, long lotteryId) {
        return api.post(BASE + "lotteryDetail", "{\"id\":" + lotteryId + "}", token).data();
    }

    private int done(String token, long lotteryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM clock_task_completion WHERE lottery_id = ? AND user_id = ?",
                Integer.class, lotteryId, userIdOf(token));
    }

    private int weight(String token, long lotteryId) {
        return jdbc.queryForObject("SELECT weight FROM lottery_participation WHERE lottery_id = ? AND user_id = ?",
                Integer.class, lotteryId, userIdOf(token));
    }

    private long lotteriesOf(String token) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE user_id = ?", Long.class, userIdOf(token));
    }
}
