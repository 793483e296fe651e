package com.luckify.batch.reconciliation;

import com.luckify.batch.support.ScheduleLock;
import com.luckify.batch.support.StaleExecutions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@code reconciliationJob} on demand ({@link #run}) and nightly at {@code luckify.reconciliation.cron}
 * (03:30 business time by default) on one process only.
 */
@Component
public class ReconciliationLauncher {

    private static final String LOCK = "reconciliationSchedule";

    private final Job reconciliationJob;
    private final ScheduleLock lock;
    private final StaleExecutions staleExecutions;

    ReconciliationLauncher(Job reconciliationJob, ScheduleLock lock, StaleExecutions staleExecutions) {
        this.reconciliationJob = reconciliationJob;
        this.lock = lock;
        this.staleExecutions = staleExecutions;
    }

    /**
     * A new run now, in this thread; its findings carry the returned execution's {@code runId} parameter.
     * Refused (null) while another run is going: the steps' readers serve one run at a time. A run left
     * running by a killed process (silent for 10 minutes) is recovered as failed first.
     */
    public JobExecution run() throws Exception {
        String runId = Instant.now() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return staleExecutions.startAlone(reconciliationJob, ReconciliationJobConfiguration.STEPS, Duration.ofMinutes(10),
                new JobParametersBuilder().addString("runId", runId, true).toJobParameters());
    }

    @Scheduled(cron = "${luckify.reconciliation.cron:0 30 3 * * *}", zone = "${luckify.business.time-zone:Asia/Shanghai}")
    void nightly() throws Exception {
        lock.runExclusively(LOCK, Duration.ofHours(1), Duration.ofMinutes(1), this::run);
    }
}
