package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.batch.notify.CheckinReminderSchedule;
import com.luckify.batch.notify.ClaimDeadlineReminderSchedule;
import com.luckify.lottery.LotteryService;
import com.luckify.notification.Delivery;
import com.luckify.notification.Notice;
import com.luckify.notification.NotificationKind;
import com.luckify.notification.NotificationService;
import com.luckify.support.IntegrationTest;
import com.luckify.support.WeChatStub;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders and result notices through the WeChat stub: each once, retried, parked when WeChat keeps failing. */
class NotificationJobsIT extends IntegrationTest {

    private final WeChatStub weChat = WeChatStub.instance();

    @Autowired
    CheckinReminderSchedule reminders;

    @Autowired
    ClaimDeadlineReminderSchedule claimReminders;

    @Autowired
    NotificationService notifications;

    @Autowired
    DrawLauncher draws;

    @Autowired
    LotteryService lotteryService;

    @Test
    void checkInRemindersGoOnceToWeChatSubscribersWhoHaveNotCheckedIn() throws Exception {
        LocalDate day = daysWithoutRun("checkinReminderJob", 1);
        clock.set(ZonedDateTime.of(day, LocalTime.of(19, 0), ZoneId.of("Asia/Shanghai")).toInstant());
        String forgetful = subscriber();
        String diligent = subscriber();
        api.post("/checkin/v1/checkin", "", tokenOf(diligent));
        String unsubscribed = weChatUser();
        long withoutWeChat = userIdOf(subscriberToken(newUserToken()));

        assertThat(reminders.remindToday().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<String> sent = weChat.subscribeMessagesTo(forgetful);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("tpl-checkin-reminder", "今日签到可获得5心愿值", day.toString());
        assertThat(weChat.subscribeMessagesTo(diligent)).isEmpty();
        assertThat(weChat.subscribeMessagesTo(unsubscribed)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_log WHERE user_id = ?", Integer.class,
                withoutWeChat)).as("nobody to send to without a WeChat log-in").isZero();

        assertThatThrownBy(reminders::remindToday).as("the day's run is done")
                .isInstanceOf(JobInstanceAlreadyCompleteException.class);
        Notice again = new Notice(userIdOfOpenId(forgetful), NotificationKind.CHECKIN_REMINDER, "checkin", day,
                "pages/index/checkin", Map.of("thing1", "心愿签到"));
        assertThat(notifications.deliver(again)).isEqualTo(Delivery.ALREADY_NOTIFIED);
        assertThat(weChat.subscribeMessagesTo(forgetful)).hasSize(1);
    }

    @Test
    void aBusyWeChatIsTriedAgainAndAFailingOneParksTheNoticeForARetryByHand() {
        String busy = weChatUser();
        weChat.subscribeErrors(busy, -1, 45009);
        assertThat(notifications.deliver(notice(busy))).isEqualTo(Delivery.SENT);
        assertThat(jdbc.queryForMap("SELECT state, attempts FROM notification_log WHERE user_id = ?", userIdOfOpenId(busy)))
                .containsEntry("state", "SENT").containsEntry("attempts", 3);

        String down = weChatUser();
        weChat.subscribeErrors(down, -1, -1, -1);
        assertThat(notifications.deliver(notice(down))).isEqualTo(Delivery.DEAD);
        long logId = jdbc.queryForObject("SELECT id FROM notification_log WHERE user_id = ?", Long.class,
                userIdOfOpenId(down));
        long deadLetter = jdbc.queryForObject("SELECT id FROM notification_dead_letter WHERE notification_log_id = ? "
                + "AND resolved = 0", Long.class, logId);
        assertThat(weChat.subscribeMessagesTo(down)).isEmpty();

        assertThat(notifications.retryDeadLetter(deadLetter)).isEqualTo(Delivery.SENT);
        assertThat(weChat.subscribeMessagesTo(down)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT resolved FROM notification_dead_letter WHERE id = ?", Integer.class,
                deadLetter)).isEqualTo(1);

        String refusing = weChatUser();
        weChat.subscribeErrors(refusing, 43101);
        assertThat(notifications.deliver(notice(refusing))).as("no consent: not retried, not parked")
                .isEqualTo(Delivery.NOT_SENDABLE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_dead_letter d JOIN notification_log l "
                + "ON l.id = d.notification_log_id WHERE l.user_id = ?", Integer.class, userIdOfOpenId(refusing))).isZero();
    }

    @Test
    void everyParticipantHearsTheResultOfADrawOnce() throws Exception {
        List<String> players = List.of(weChatUser(), weChatUser(), weChatUser());

        // one prize unit; DrawCompleted → outbox relay → Redis → drawResultNotifyJob
        drawn(1, players.toArray(String[]::new));

        List<String> messages = players.stream().flatMap(p -> weChat.subscribeMessagesTo(p).stream()).toList();
        assertThat(messages).hasSize(3).allSatisfy(m -> assertThat(m).contains("tpl-draw-result"));
        assertThat(messages).filteredOn(m -> m.contains("恭喜抽中：奖品1")).hasSize(1);
        assertThat(messages).filteredOn(m -> m.contains("很遗憾，本次未中奖")).hasSize(2);
    }

    @Test
    void winnersWhoHaveNotClaimedAPrizeWhoseDeadlineIsNearAreRemindedOnceADay() throws Exception {
        String forgetful = weChatUser();
        String claimed = weChatUser();
        String early = weChatUser();
        long near = drawnFor(forgetful, claimed);
        long far = drawnFor(early);
        assertThat(api.post("/lottery/v1/lottery/claimPrize", "{\"lotteryId\":" + near + ",\"contactName\":\"张三\","
                + "\"mobile\":\"13800138000\",\"address\":\"上海\"}", tokenOf(claimed)).code()).isEqualTo(200);
        // the deadlines of these two lotteries are 30 hours and 10 days after the day
        LocalDate day = daysWithoutRun("claimDeadlineReminderJob", 3);
        Instant now = ZonedDateTime.of(day, LocalTime.of(10, 0), ZoneId.of("Asia/Shanghai")).toInstant();
        clock.set(now);
        jdbc.update("UPDATE lottery SET award_deadline = ? WHERE id = ?", Timestamp.from(now.plus(Duration.ofHours(30))),
                near);
        jdbc.update("UPDATE lottery SET award_deadline = ? WHERE id = ?", Timestamp.from(now.plus(Duration.ofDays(10))), far);

        assertThat(claimReminders.remindToday().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(weChat.subscribeMessagesTo(forgetful)).hasSize(2); // the draw result, then the reminder
        assertThat(weChat.subscribeMessagesTo(forgetful).get(1)).contains("tpl-claim-deadline").contains("奖品：奖品1")
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now.plus(Duration.ofHours(30))
                        .atZone(ZoneId.of("Asia/Shanghai"))));
        assertThat(weChat.subscribeMessagesTo(claimed)).as("claimed already").noneMatch(m -> m.contains("tpl-claim-deadline"));
        assertThat(weChat.subscribeMessagesTo(early)).as("deadline far away").noneMatch(m -> m.contains("tpl-claim-deadline"));
        assertThatThrownBy(claimReminders::remindToday).as("once a day").isInstanceOf(JobInstanceAlreadyCompleteException.class);

        clock.set(now.plus(Duration.ofDays(1)));
        claimReminders.remindToday();
        assertThat(weChat.subscribeMessagesTo(forgetful)).as("the next day, before the deadline, once more").hasSize(3);
        clock.set(now.plus(Duration.ofDays(2)));
        claimReminders.remindToday();
        assertThat(weChat.subscribeMessagesTo(forgetful)).as("the deadline has passed").hasSize(3);
    }

    /**
     * The first of {@code count} days on which {@code job} has never run: the job has one instance a day, and the
     * database is reused across runs, so a day picked at random alone may already have its complete instance.
     */
    private LocalDate daysWithoutRun(String job, int count) {
        while (true) {
            LocalDate first = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
            List<String> days = first.datesUntil(first.plusDays(count)).map(LocalDate::toString).toList();
            Integer runs = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE i "
                    + "JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID "
                    + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                    + "WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'day' AND p.PARAMETER_VALUE IN ("
                    + String.join(",", days.stream().map(d -> "?").toList()) + ")", Integer.class,
                    Stream.concat(Stream.of(job), days.stream()).toArray());
            if (runs == 0) {
                return first;
            }
        }
    }

    /** A by-time lottery with one prize unit per player, joined by them and drawn; every player wins. */
    private long drawnFor(String... players) throws Exception {
        return drawn(players.length, players);
    }

    /** A by-time lottery with {@code units} of one prize, joined by the players, drawn, and its results told. */
    private long drawn(int units, String... players) throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, units)));
        for (String player : players) {
            api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", tokenOf(player));
        }
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        assertThat(draws.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && Arrays.stream(players).anyMatch(p -> weChat.subscribeMessagesTo(p).isEmpty())) {
            Thread.sleep(50);
        }
        return lotteryId;
    }

    private Notice notice(String openId) {
        return new Notice(userIdOfOpenId(openId), NotificationKind.DRAW_RESULT, "test-" + UUID.randomUUID(),
                LocalDate.now(), "pages/index/home", Map.of("thing1", "测试"));
    }

    /** A new user who logged in with WeChat (an openid) and subscribed to reminders; returns the openid. */
    private String subscriber() {
        String openId = weChatUser();
        subscriberToken(tokenOf(openId));
        return openId;
    }

    private String subscriberToken(String token) {
        assertThat(api.post("/checkin/v1/checkin/updateSub", "{\"state\":1}", token).status()).isEqualTo(200);
        return token;
    }

    /** A new user with a WeChat openid (as a WeChat log-in leaves it); returns the openid. */
}
