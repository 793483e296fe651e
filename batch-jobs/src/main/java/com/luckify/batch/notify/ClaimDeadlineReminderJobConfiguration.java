package com.luckify.batch.notify;

import com.luckify.batch.support.KeysetReader;
import com.luckify.lottery.PrizeClaimService;
import com.luckify.lottery.UnclaimedWin;
import com.luckify.notification.Notice;
import com.luckify.notification.NoticeText;
import com.luckify.notification.NotificationKind;
import com.luckify.notification.NotificationService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code claimDeadlineReminderJob}: one instance per business day ({@code day}, with {@code windowEnd} fixed at the
 * first start); reminds every winner who has not claimed a prize whose award deadline falls before the window's
 * end, once a day per lottery (the notification log's key).
 */
@Configuration(proxyBeanMethods = false)
class ClaimDeadlineReminderJobConfiguration {

    static final String JOB = "claimDeadlineReminderJob";
    private static final int CHUNK = 100;
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Bean
    Job claimDeadlineReminderJob(JobRepository jobs, Step remindUnclaimedWinners) {
        return new JobBuilder(JOB, jobs).start(remindUnclaimedWinners).build();
    }

    @Bean
    Step remindUnclaimedWinners(JobRepository jobs, PlatformTransactionManager transactions,
            UnclaimedWinReader unclaimedWins, UnclaimedWinNoticeWriter notices) {
        return new StepBuilder("remindUnclaimedWinners", jobs).<UnclaimedWin, UnclaimedWin>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(unclaimedWins)
                .stream(unclaimedWins)
                .writer(notices)
                .build();
    }

    @Bean
    @StepScope
    UnclaimedWinReader unclaimedWinReader(PrizeClaimService claims,
            @Value("#{jobParameters['windowEnd']}") String windowEnd) {
        return new UnclaimedWinReader(claims, Instant.parse(windowEnd));
    }

    @Bean
    @StepScope
    UnclaimedWinNoticeWriter unclaimedWinNoticeWriter(NotificationService notifications,
            @Value("#{jobParameters['day']}") String day,
            @Value("${luckify.business.time-zone:Asia/Shanghai}") ZoneId zone) {
        return new UnclaimedWinNoticeWriter(notifications, LocalDate.parse(day), zone);
    }

    /**
     * Wins unclaimed now whose deadline is still ahead and at most at {@code windowEnd} (not final: step-scoped
     * beans are proxied). "Now" is read at each page, so a win whose deadline passes mid-run is not reminded.
     */
    static class UnclaimedWinReader extends KeysetReader<UnclaimedWin> {

        UnclaimedWinReader(PrizeClaimService claims, Instant windowEnd) {
            super("unclaimed", (after, limit) -> claims.unclaimedWinsClosing(windowEnd, after, limit),
                    UnclaimedWin::participationId, CHUNK);
        }
    }

    /** One reminder per winner, lottery and day (not final: step-scoped beans are proxied). */
    static class UnclaimedWinNoticeWriter implements ItemWriter<UnclaimedWin> {

        private final NotificationService notifications;
        private final LocalDate day;
        private final ZoneId zone;

        UnclaimedWinNoticeWriter(NotificationService notifications, LocalDate day, ZoneId zone) {
            this.notifications = notifications;
            this.day = day;
            this.zone = zone;
        }

        @Override
        public void write(Chunk<? extends UnclaimedWin> chunk) {
            notifications.deliverAll(chunk.getItems().stream().map(this::notice).toList());
        }

        private Notice notice(UnclaimedWin win) {
            return new Notice(win.userId(), NotificationKind.CLAIM_DEADLINE, Long.toString(win.lotteryId()), day,
                    "pages/lottery/detail?id=" + win.lotteryId(),
                    Map.of("thing1", NoticeText.thing(win.lotteryName()),
                            "thing2", NoticeText.thing("奖品：" + win.prizeName()),
                            "time3", DEADLINE.format(win.awardDeadline().atZone(zone)),
                            "thing4", "请在截止前填写收货信息领奖"));
        }
    }
}
