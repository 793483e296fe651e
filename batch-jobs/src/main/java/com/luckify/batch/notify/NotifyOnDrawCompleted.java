package com.luckify.batch.notify;

import com.luckify.batch.support.StaleExecutions;
import com.luckify.checkin.CheckinService;
import com.luckify.common.DomainEvent;
import com.luckify.common.DomainEventHandler;
import com.luckify.common.EventDeferredException;
import com.luckify.common.Subscription;
import java.time.Duration;
import java.util.List;
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
 * Runs {@code drawResultNotifyJob} for a recorded draw ({@code DrawCompleted}) in whichever batch process takes
 * the event, in the consumer's thread. The delivery is done when the job has completed; a failed run is retried
 * with the event's backoff (the restart resumes after the last committed chunk, and the notification log keeps
 * anyone from being told twice); a run going on elsewhere defers the event until it ends, or, if its process
 * died, until it is stale and can be taken over.
 */
@Component
class NotifyOnDrawCompleted implements DomainEventHandler {

    private final JobOperator jobs;
    private final JobRepository repository;
    private final Job drawResultNotifyJob;
    private final CheckinService checkins;
    private final StaleExecutions staleExecutions;
    private final Duration staleAfter;

    NotifyOnDrawCompleted(JobOperator jobs, JobRepository repository, Job drawResultNotifyJob, CheckinService checkins,
            StaleExecutions staleExecutions, @Value("${luckify.draw.stale-after:5m}") Duration staleAfter) {
        this.jobs = jobs;
        this.repository = repository;
        this.drawResultNotifyJob = drawResultNotifyJob;
        this.checkins = checkins;
        this.staleExecutions = staleExecutions;
        this.staleAfter = staleAfter;
    }

    @Override
    public Subscription subscription() {
        return Subscription.DRAW_RESULT_NOTICE;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public void handle(DomainEvent event) {
        long lotteryId = event.longValue("lotteryId");
        JobParameters parameters = parameters(lotteryId);
        try {
            finish(jobs.start(drawResultNotifyJob, parameters), lotteryId);
        } catch (JobInstanceAlreadyCompleteException done) {
            // told already: a duplicate event
        } catch (JobExecutionAlreadyRunningException running) {
            JobExecution other = repository.getLastJobExecution(DrawResultNotifyJobConfiguration.JOB, parameters);
            if (!staleExecutions.recoverIfStale(other, List.of(DrawResultNotifyJobConfiguration.STEP), staleAfter)) {
                throw new EventDeferredException("the results of lottery " + lotteryId + " are being sent elsewhere");
            }
            handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start notifying the results of lottery " + lotteryId, e);
        }
    }

    private static void finish(JobExecution execution, long lotteryId) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("notifying the results of lottery " + lotteryId + " ended "
                    + execution.getStatus() + ": " + execution.getExitStatus().getExitDescription());
        }
    }

    /**
     * The day is fixed at the first start (a restart reuses the parameters), so a run finished on a later day
     * still finds the notices it already sent.
     */
    private JobParameters parameters(long lotteryId) {
        JobParameters identifying = new JobParametersBuilder().addLong("lotteryId", lotteryId, true).toJobParameters();
        JobExecution last = repository.getLastJobExecution(DrawResultNotifyJobConfiguration.JOB, identifying);
        String day = last != null && last.getJobParameters().getString("day") != null
                ? last.getJobParameters().getString("day") : checkins.today().toString();
        return new JobParametersBuilder(identifying).addString("day", day, false).toJobParameters();
    }
}
