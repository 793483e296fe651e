package com.luckify.batch.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stops a running job execution at its next chunk boundary. Batch 6's {@code JobOperator.stop} first marks the
 * job execution stopped, then rewrites the running step execution from the copy it read; when the step commits a
 * chunk in between, that second write fails on the step's version. The stop has taken effect by then (the step
 * reads the job's status at every commit and ends itself), so that race is a successful stop, not an error.
 */
@Component
public class ExecutionStopper {

    private static final Logger log = LoggerFactory.getLogger(ExecutionStopper.class);

    private final JobOperator jobs;
    private final JobRepository repository;

    ExecutionStopper(JobOperator jobs, JobRepository repository) {
        this.jobs = jobs;
        this.repository = repository;
    }

    /** Asks the execution to stop; false when there is no such execution or it is not running. */
    public boolean stop(long executionId) {
        JobExecution execution = find(repository, executionId);
        if (execution == null || !execution.isRunning()) {
            return false;
        }
        try {
            return jobs.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            return false;
        } catch (OptimisticLockingFailureException raced) {
            log.debug("execution {} committed a chunk while being stopped; it stops at the next one", executionId);
            return true;
        }
    }

    /** The execution, or null when there is none (Batch 6's JDBC repository throws for an unknown id). */
    static JobExecution find(JobRepository repository, long executionId) {
        try {
            return repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException unknown) {
            return null;
        }
    }
}
