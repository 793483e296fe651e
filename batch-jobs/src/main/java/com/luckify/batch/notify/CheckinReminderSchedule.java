package com.luckify.batch.notify;

import com.luckify.batch.support.ScheduleLock;
import com.luckify.checkin.CheckinService;
import java.time.Duration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@code checkinReminderJob} at {@code luckify.reminders.checkin-cron} (20:00 business time), on one process. */
@Component
public class CheckinReminderSchedule {

    private static final String LOCK = "checkinReminderSchedule";

    private final JobOperator jobs;
    private final Job checkinReminderJob;
    private final CheckinService checkins;
    private final ScheduleLock lock;

    CheckinReminderSchedule(JobOperator jobs, Job checkinReminderJob, CheckinService checkins, ScheduleLock lock) {
        this.jobs = jobs;
        this.checkinReminderJob = checkinReminderJob;
        this.checkins = checkins;
        this.lock = lock;
    }

    @Scheduled(cron = "${luckify.reminders.checkin-cron:0 0 20 * * *}", zone = "${luckify.business.time-zone:Asia/Shanghai}")
    void remind() throws Exception {
        lock.runExclusively(LOCK, Duration.ofHours(1), Duration.ofMinutes(1), this::remindToday);
    }

    /** Today's reminders; a second run the same day is refused by Batch (the day's instance is complete). */
    public JobExecution remindToday() throws Exception {
        return jobs.start(checkinReminderJob, new JobParametersBuilder()
                .addString("day", checkins.today().toString(), true).toJobParameters());
    }
}
