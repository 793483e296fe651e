package com.luckify.batch.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * A process killed mid-job leaves its execution STARTED for ever, and Batch takes the job for running. An
 * execution none of whose steps has written for a while is taken for dead and marked failed with Batch 6's
 * {@code recover}, so its instance can be started (and resume) again. Live executions show in their steps:
 * every chunk commit stamps the step execution, not the job execution.
 */
@Component
public class StaleExecutions {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutions.class);

    private final JobRepository repository;
    private final JobOperator jobs;

    StaleExecutions(JobRepository repository, JobOperator jobs) {
        this.repository = repository;
        this.jobs = jobs;
    }

    /** Recovers {@code execution} if it is running but silent for {@code staleAfter}; true when it did. */
    public boolean recoverIfStale(JobExecution execution, List<String> steps, Duration staleAfter) {
        if (execution == null || !execution.isRunning()) {
            return false;
        }
        LocalDateTime lastWrite = lastWrite(execution, steps);
        if (lastWrite.isAfter(LocalDateTime.now().minus(staleAfter))) {
            return false;
        }
        log.warn("{} execution {} last wrote at {}, taken for dead and recovered",
                execution.getJobInstance().getJobName(), execution.getId(), lastWrite);
        jobs.recover(execution);
        return true;
    }

    /** Recovers every stale running execution of the job; true when there was one. */
    public boolean recoverStale(String jobName, List<String> steps, Duration staleAfter) {
        boolean recovered = false;
        for (JobExecution running : repository.findRunningJobExecutions(jobName)) {
            recovered |= recoverIfStale(running, steps, staleAfter);
        }
        return recovered;
    }

    /**
     * Starts {@code job} unless a run of it is going, after recovering a run left running by a killed process
     * (silent for {@code staleAfter}); null when one is going. For jobs of which one run at a time makes sense.
     */
    public JobExecution startAlone(Job job, List<String> steps, Duration staleAfter, JobParameters parameters)
            throws Exception {
        recoverStale(job.getName(), steps, staleAfter);
        if (!jobs.getRunningExecutions(job.getName()).isEmpty()) {
            return null;
        }
        return jobs.start(job, parameters);
    }

    private LocalDateTime lastWrite(JobExecution execution, List<String> steps) {
        LocalDateTime latest = execution.getLastUpdated() == null ? LocalDateTime.MIN : execution.getLastUpdated();
        for (String step : steps) {
            StepExecution stepExecution = repository.getLastStepExecution(execution.getJobInstance(), step);
            if (stepExecution != null && stepExecution.getJobExecutionId() == execution.getId()
                    && stepExecution.getLastUpdated() != null && stepExecution.getLastUpdated().isAfter(latest)) {
                latest = stepExecution.getLastUpdated();
            }
        }
        return latest;
    }
}
