package com.luckify.batch.draw;

import com.luckify.batch.support.StaleExecutions;
import com.luckify.common.BusinessMetrics;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts the draw of a lottery: the first time, or again after a failed or stopped run, or after a process
 * died mid-draw (Batch then resumes the same job instance from its last committed chunk). A completed draw is never started again: Batch
 * refuses a second run of a completed instance.
 */
@Component
public class DrawLauncher {

    private static final Logger log = LoggerFactory.getLogger(DrawLauncher.class);

    private final JobOperator jobs;
    private final JobRepository repository;
    private final Job drawJob;
    private final StaleExecutions staleExecutions;
    private final Duration staleAfter;
    private final BusinessMetrics metrics;

    DrawLauncher(JobOperator jobs, JobRepository repository, Job drawJob, StaleExecutions staleExecutions,
            @Value("${luckify.draw.stale-after:5m}") Duration staleAfter, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.repository = repository;
        this.drawJob = drawJob;
        this.staleExecutions = staleExecutions;
        this.staleAfter = staleAfter;
    }

    /** Runs the draw now, in this thread; the execution, or null when there was nothing to run. */
    public JobExecution draw(long lotteryId) {
        try {
            return start(lotteryId);
        } catch (JobExecutionAlreadyRunningException e) {
            if (recoverIfStale(lotteryId)) {
                try {
                    return start(lotteryId);
                } catch (Exception again) {
                    log.error("could not restart the draw of lottery {}", lotteryId, again);
                    return null;
                }
            }
            log.info("the draw of lottery {} is running elsewhere", lotteryId);
            return null;
        }
    }

    private JobExecution start(long lotteryId) throws JobExecutionAlreadyRunningException {
        try {
            JobExecution execution = jobs.start(drawJob, parameters(lotteryId));
            record(execution);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                log.warn("draw of lottery {} ended {}: {}", lotteryId, execution.getStatus(),
                        execution.getExitStatus().getExitDescription());
            }
            return execution;
        } catch (JobInstanceAlreadyCompleteException e) {
            log.debug("lottery {} is drawn already", lotteryId);
            return null;
        } catch (JobExecutionAlreadyRunningException e) {
            throw e;
        } catch (Exception e) {
            log.error("could not start the draw of lottery {}", lotteryId, e);
            return null;
        }
    }

    /** {@code luckify_draw_duration_seconds{result}} and, for a completed draw, its participants. */
    private void record(JobExecution execution) {
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        metrics.draw(execution.getStatus().name().toLowerCase(Locale.ROOT), took,
                completed ? execution.getExecutionContext().getLong(DrawKeys.PARTICIPANTS, 0L) : -1);
    }

    /** A process killed mid-draw leaves a running execution behind: recovered once silent for stale-after. */
    private boolean recoverIfStale(long lotteryId) {
        return staleExecutions.recoverIfStale(
                repository.getLastJobExecution(DrawJobConfiguration.JOB, parameters(lotteryId)), DrawJobConfiguration.STEPS,
                staleAfter);
    }

    static JobParameters parameters(long lotteryId) {
        return new JobParametersBuilder().addLong(DrawKeys.LOTTERY_ID, lotteryId, true).toJobParameters();
    }
}
