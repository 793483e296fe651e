package com.luckify.batch.notify;

import com.luckify.batch.support.KeysetReader;
import com.luckify.checkin.CheckinService;
import com.luckify.lottery.DrawResult;
import com.luckify.lottery.LotteryDraws;
import com.luckify.notification.Notice;
import com.luckify.notification.NoticeText;
import com.luckify.notification.NotificationKind;
import com.luckify.notification.NotificationService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * {@code drawResultNotifyJob}: one instance per drawn lottery ({@code lotteryId}); tells every participant
 * whether and what they won, in chunks, each at most once.
 */
@Configuration(proxyBeanMethods = false)
class DrawResultNotifyJobConfiguration {

    static final String JOB = "drawResultNotifyJob";
    static final String STEP = "notifyParticipants";
    // a chunk costs its reads and its step bookkeeping however few of its participants can be sent to (most of a
    // big lottery's may have no WeChat openid): 500 keeps a 300,000-participant lottery to 600 commits
    private static final int CHUNK = 500;

    @Bean
    Job drawResultNotifyJob(JobRepository jobs, Step notifyParticipants) {
        return new JobBuilder(JOB, jobs).start(notifyParticipants).build();
    }

    @Bean
    Step notifyParticipants(JobRepository jobs, PlatformTransactionManager transactions, DrawResultReader resultReader,
            DrawResultNoticeWriter resultWriter) {
        return new StepBuilder(STEP, jobs).<DrawResult, DrawResult>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(resultReader)
                .stream(resultReader)
                .writer(resultWriter)
                .build();
    }

    @Bean
    @StepScope
    DrawResultReader resultReader(LotteryDraws draws, @Value("#{jobParameters['lotteryId']}") Long lotteryId) {
        return new DrawResultReader(draws, lotteryId);
    }

    @Bean
    @StepScope
    DrawResultNoticeWriter resultWriter(LotteryDraws draws, NotificationService notifications, CheckinService checkins,
            @Value("#{jobParameters['lotteryId']}") Long lotteryId, @Value("#{jobParameters['day']}") String day) {
        LocalDate noticeDay = day == null ? checkins.today() : LocalDate.parse(day);
        return new DrawResultNoticeWriter(notifications, noticeDay, lotteryId, draws.nameOf(lotteryId));
    }

    /** A drawn lottery's participants with their results (not final: step-scoped beans are proxied). */
    static class DrawResultReader extends KeysetReader<DrawResult> {

        DrawResultReader(LotteryDraws draws, long lotteryId) {
            super("results", (after, limit) -> draws.resultsAfter(lotteryId, after, limit), DrawResult::userId, CHUNK);
        }
    }

    /** Tells each participant the result, once (not final: step-scoped beans are proxied). */
    static class DrawResultNoticeWriter implements ItemWriter<DrawResult> {

        private final NotificationService notifications;
        private final LocalDate day;
        private final long lotteryId;
        private final String lotteryName;

        DrawResultNoticeWriter(NotificationService notifications, LocalDate day, long lotteryId, String lotteryName) {
            this.notifications = notifications;
            this.day = day;
            this.lotteryId = lotteryId;
            this.lotteryName = lotteryName;
        }

        @Override
        public void write(Chunk<? extends DrawResult> chunk) {
            List<Notice> notices = new ArrayList<>(chunk.size());
            for (DrawResult result : chunk) {
                notices.add(new Notice(result.userId(), NotificationKind.DRAW_RESULT, Long.toString(lotteryId),
                        day, "pages/lottery/detail?id=" + lotteryId,
                        Map.of("thing1", NoticeText.thing(lotteryName),
                                "thing2", NoticeText.thing(result.won() ? "恭喜抽中：" + result.prizeName()
                                        : "很遗憾，本次未中奖"))));
            }
            notifications.deliverAll(notices);
        }
    }
}
