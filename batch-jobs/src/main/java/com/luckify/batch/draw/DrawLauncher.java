package com.luckify.batch.draw;

import java.time.Duration;
import java.time.LocalDateTime;
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
import org.springframework.batch.core.step.StepExecution;
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
    private final Duration staleAfter;

    DrawLauncher(JobOperator jobs, JobRepository repository, Job drawJob,
            @Value("${luckify.draw.stale-after:5m}") Duration staleAfter) {
        this.jobs = jobs;
        this.repository = repository;
        this.drawJob = drawJob;
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

    /**
     * A process killed mid-draw leaves its execution STARTED for ever, and Batch takes the draw for running.
     * An execution that has not written a chunk for {@code luckify.draw.stale-after} (a page takes well under
     * a second) is taken for dead: Batch 6's {@code recover} marks it failed, so the instance can go on.
     */
    private boolean recoverIfStale(long lotteryId) {
        JobExecution last = repository.getLastJobExecution(DrawJobConfiguration.JOB, parameters(lotteryId));
        if (last == null || !last.isRunning()) {
            return false;
        }
        LocalDateTime lastWrite = lastWrite(last);
        if (lastWrite.isAfter(LocalDateTime.now().minus(staleAfter))) {
            return false;
        }
        log.warn("draw of lottery {}: execution {} last wrote at {}, taken for dead and recovered", lotteryId,
                last.getId(), lastWrite);
        jobs.recover(last);
        return true;
    }

    /** A live draw shows in its steps: each page commit stamps the step execution, not the job execution. */
    private LocalDateTime lastWrite(JobExecution execution) {
        LocalDateTime latest = execution.getLastUpdated() == null ? LocalDateTime.MIN : execution.getLastUpdated();
        for (String step : DrawJobConfiguration.STEPS) {
            StepExecution stepExecution = repository.getLastStepExecution(execution.getJobInstance(), step);
            if (stepExecution != null && stepExecution.getJobExecutionId() == execution.getId()
                    && stepExecution.getLastUpdated() != null && stepExecution.getLastUpdated().isAfter(latest)) {
                latest = stepExecution.getLastUpdated();
            }
        }
        return latest;
    }

    static JobParameters parameters(long lotteryId) {
        return new JobParametersBuilder().addLong(DrawKeys.LOTTERY_ID, lotteryId, true).toJobParameters();
    }
}
