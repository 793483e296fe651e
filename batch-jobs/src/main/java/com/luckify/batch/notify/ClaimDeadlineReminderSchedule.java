package com.luckify.batch.notify;

import com.luckify.batch.support.ScheduleLock;
import com.luckify.common.BusinessCalendar;
import java.time.Duration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@code claimDeadlineReminderJob} at {@code luckify.reminders.claim-deadline-cron} (10:00 business time), on
 * one process: winners whose award deadline falls within {@code luckify.reminders.claim-window} (48 h) hear of it.
 */
@Component
public class ClaimDeadlineReminderSchedule {

    private static final String LOCK = "claimDeadlineReminderSchedule";

    private final JobOperator jobs;
    private final Job claimDeadlineReminderJob;
    private final BusinessCalendar calendar;
    private final ScheduleLock lock;
    private final Duration window;

    ClaimDeadlineReminderSchedule(JobOperator jobs, Job claimDeadlineReminderJob, BusinessCalendar calendar,
            ScheduleLock lock, @Value("${luckify.reminders.claim-window:48h}") Duration window) {
        this.jobs = jobs;
        this.claimDeadlineReminderJob = claimDeadlineReminderJob;
        this.calendar = calendar;
        this.lock = lock;
        this.window = window;
    }

    @Scheduled(cron = "${luckify.reminders.claim-deadline-cron:0 0 10 * * *}",
            zone = "${luckify.business.time-zone:Asia/Shanghai}")
    void remind() throws Exception {
        lock.runExclusively(LOCK, Duration.ofHours(1), Duration.ofMinutes(1), this::remindToday);
    }

    /**
     * Today's reminders; a second run the same day is refused by Batch (the day's instance is complete), and a
     * restart of a failed one goes on after the last win it reminded.
     */
    public JobExecution remindToday() throws Exception {
        return jobs.start(claimDeadlineReminderJob, new JobParametersBuilder()
                .addString("day", calendar.today().toString(), true)
                .addString("windowEnd", calendar.now().plus(window).toString(), false).toJobParameters());
    }
}
