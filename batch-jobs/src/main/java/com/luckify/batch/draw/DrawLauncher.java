package com.luckify.batch.draw;

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
import org.springframework.stereotype.Component;

/**
 * Starts the draw of a lottery: the first time, or again after a failed or stopped run (Batch then resumes
 * the same job instance from its last committed chunk). A completed draw is never started again: Batch
 * refuses a second run of a completed instance.
 */
@Component
public class DrawLauncher {

    private static final Logger log = LoggerFactory.getLogger(DrawLauncher.class);

    private final JobOperator jobs;
    private final Job drawJob;

    DrawLauncher(JobOperator jobs, Job drawJob) {
        this.jobs = jobs;
        this.drawJob = drawJob;
    }

    /** Runs the draw now, in this thread; the execution, or null when there was nothing to run. */
    public JobExecution draw(long lotteryId) {
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
            log.info("the draw of lottery {} is running elsewhere", lotteryId);
            return null;
        } catch (Exception e) {
            log.error("could not start the draw of lottery {}", lotteryId, e);
            return null;
        }
    }

    static JobParameters parameters(long lotteryId) {
        return new JobParametersBuilder().addLong(DrawKeys.LOTTERY_ID, lotteryId, true).toJobParameters();
    }
}
