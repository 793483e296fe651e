package com.luckify.batch.notify;

import com.luckify.batch.support.KeysetReader;
import com.luckify.checkin.CheckinService;
import com.luckify.checkin.ReminderCandidate;
import com.luckify.notification.Notice;
import com.luckify.notification.NoticeText;
import com.luckify.notification.NotificationKind;
import com.luckify.notification.NotificationService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code checkinReminderJob}: one instance per business day ({@code day}); reminds every subscriber who has
 * not checked in yet, with the reward a check-in now would pay (the message the original sent, fixed:
 * once a day, to WeChat users only).
 */
@Configuration(proxyBeanMethods = false)
class CheckinReminderJobConfiguration {

    static final String JOB = "checkinReminderJob";
    private static final int CHUNK = 100;

    @Bean
    Job checkinReminderJob(JobRepository jobs, Step remindSubscribers) {
        return new JobBuilder(JOB, jobs).start(remindSubscribers).build();
    }

    @Bean
    Step remindSubscribers(JobRepository jobs, PlatformTransactionManager transactions, CheckinService checkins,
            NotificationService notifications) {
        KeysetReader<ReminderCandidate> subscribers = new KeysetReader<>("subscribers", checkins::reminderCandidatesAfter,
                ReminderCandidate::userId, CHUNK);
        return new StepBuilder("remindSubscribers", jobs).<ReminderCandidate, Notice>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(subscribers)
                .stream(subscribers)
                .processor(candidate -> notice(candidate, checkins.today()))
                .writer(chunk -> notifications.deliverAll(List.copyOf(chunk.getItems())))
                .build();
    }

    static Notice notice(ReminderCandidate candidate, LocalDate today) {
        return new Notice(candidate.userId(), NotificationKind.CHECKIN_REMINDER, "checkin", today, "pages/index/checkin",
                Map.of("thing1", "心愿签到",
                        "thing2", "连续签到第" + candidate.nextStreakDay() + "天",
                        "thing4", today.toString(),
                        "thing10", NoticeText.thing("今日签到可获得" + candidate.nextReward() + "心愿值"),
                        "thing9", "每日签到赢取心愿值"));
    }
}
