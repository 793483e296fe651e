package com.luckify.batch.support;

import com.luckify.batch.notify.CheckinReminderSchedule;
import com.luckify.batch.report.ReportArchiver;
import com.luckify.batch.notify.ClaimDeadlineReminderSchedule;
import com.luckify.batch.reconciliation.ReconciliationLauncher;
import com.luckify.batch.retention.RetentionLauncher;
import com.luckify.report.ReportRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the admin console's jobs page does with Spring Batch: read executions with their progress, stop a running
 * one, restart a failed or stopped one, and launch the jobs that make sense by hand. Launches and restarts run on
 * this console's own threads, so the page answers at once and then watches the progress like any other run.
 */
@Component
public class JobConsole implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobConsole.class);

    /** The jobs staff may start by hand; the draw has its own schedule and events. */
    public enum Launchable {
        RECONCILIATION,
        CHECKIN_REMINDER,
        CLAIM_DEADLINE_REMINDER,
        RETENTION
    }

    private final JobProgressBoard board;
    private final ExecutionStopper stopper;
    private final JobOperator jobs;
    private final JobRepository repository;
    private final Map<String, Job> jobsByName;
    private final ReconciliationLauncher reconciliation;
    private final CheckinReminderSchedule checkinReminders;
    private final ClaimDeadlineReminderSchedule claimReminders;
    private final ReportArchiver reports;
    private final RetentionLauncher retention;
    private final ExecutorService runner = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "job-console");
        thread.setDaemon(true);
        return thread;
    });

    JobConsole(JobProgressBoard board, ExecutionStopper stopper, JobOperator jobs, JobRepository repository,
            List<Job> allJobs, ReconciliationLauncher reconciliation, CheckinReminderSchedule checkinReminders,
            ClaimDeadlineReminderSchedule claimReminders, ReportArchiver reports, RetentionLauncher retention) {
        this.board = board;
        this.stopper = stopper;
        this.jobs = jobs;
        this.repository = repository;
        this.jobsByName = allJobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.reconciliation = reconciliation;
        this.checkinReminders = checkinReminders;
        this.claimReminders = claimReminders;
        this.reports = reports;
        this.retention = retention;
    }

    public List<String> jobNames() {
        return board.jobNames();
    }

    public List<JobProgress> recent(String jobName, String status, int limit) {
        return board.recent(jobName, status, limit);
    }

    public Optional<JobProgress> execution(long executionId) {
        return board.of(executionId);
    }

    /** False when the execution is not running (finished meanwhile, or unknown). */
    public boolean stop(long executionId) {
        return stopper.stop(executionId);
    }

    /**
     * Runs a failed or stopped execution's job instance again (same identifying parameters, so Batch resumes
     * after its last committed chunk). False when it cannot be restarted, or when it is not its instance's latest
     * execution (restarted already).
     */
    public boolean restart(long executionId) {
        JobExecution execution = ExecutionStopper.find(repository, executionId);
        if (execution == null || !(execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED)) {
            return false;
        }
        Job job = jobsByName.get(execution.getJobInstance().getJobName());
        if (job == null || !job.isRestartable()) {
            return false;
        }
        // an older failure of an instance that has run again since is history, not something to restart
        JobExecution latest = repository.getLastJobExecution(job.getName(), execution.getJobParameters());
        if (latest == null || !Objects.equals(latest.getId(), executionId)) {
            return false;
        }
        submit("restart of execution " + executionId, () -> jobs.start(job, execution.getJobParameters()));
        return true;
    }

    public void launch(Launchable which) {
        Callable<JobExecution> start = switch (which) {
            case RECONCILIATION -> reconciliation::run;
            case CHECKIN_REMINDER -> checkinReminders::remindToday;
            case CLAIM_DEADLINE_REMINDER -> claimReminders::remindToday;
            case RETENTION -> retention::run;
        };
        submit("launch of " + which, start);
    }

    /**
     * Makes a report into the archive with {@code reportJob} on the console's threads; returns the archive entry,
     * RUNNING until the job ends.
     */
    public long archiveReport(ReportRequest request, long staffId) {
        long archiveId = reports.enter(request, staffId);
        submit("report " + request.fileName(), () -> reports.run(archiveId, request));
        return archiveId;
    }

    private void submit(String what, Callable<JobExecution> start) {
        runner.submit(() -> {
            try {
                JobExecution execution = start.call();
                log.info("{} ended {}", what, execution == null ? "refused (a run is going on)" : execution.getStatus());
            } catch (Exception e) {
                // refusals (instance complete, already running) end here too; the page shows the executions
                log.warn("{} did not run: {}", what, e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
