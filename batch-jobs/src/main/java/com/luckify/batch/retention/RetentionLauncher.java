package com.luckify.batch.retention;

import com.luckify.batch.support.ScheduleLock;
import com.luckify.batch.support.StaleExecutions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@code retentionJob} on demand ({@link #run}) and daily at {@code luckify.retention.cron} (04:30 business
 * time by default, after the nightly reconciliation and the monthly reports) on one process only. A failed run is
 * restarted from the console and goes on after its last committed chunk; the next day's run removes whatever it
 * left anyway, since every removal is checked against the rows as they are.
 */
@Component
public class RetentionLauncher {

    private static final String LOCK = "retentionSchedule";

    private final Job retentionJob;
    private final ScheduleLock lock;
    private final StaleExecutions staleExecutions;
    private final Clock clock;

    RetentionLauncher(Job retentionJob, ScheduleLock lock, StaleExecutions staleExecutions,
            Clock clock) {
        this.retentionJob = retentionJob;
        this.lock = lock;
        this.staleExecutions = staleExecutions;
        this.clock = clock;
    }

    /**
     * A run as of now, in this thread. Refused (null) while another run is going: two would only wait on each
     * other's rows. A run left running by a killed process (silent for 10 minutes) is recovered as failed first.
     */
    public JobExecution run() throws Exception {
        return staleExecutions.startAlone(retentionJob, RetentionJobConfiguration.STEPS, Duration.ofMinutes(10),
                new JobParametersBuilder().addString(RetentionJobConfiguration.AS_OF, clock.instant().toString(), true)
                        .toJobParameters());
    }

    @Scheduled(cron = "${luckify.retention.cron:0 30 4 * * *}", zone = "${luckify.business.time-zone:Asia/Shanghai}")
    void daily() throws Exception {
        lock.runExclusively(LOCK, Duration.ofHours(2), Duration.ofMinutes(1), this::run);
    }
}
