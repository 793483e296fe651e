package com.luckify.batch.report;

import com.luckify.archive.ReportArchive;
import com.luckify.report.ReportFormat;
import com.luckify.report.ReportRequest;
import com.luckify.report.ReportService;
import com.luckify.report.ReportType;
import java.time.LocalDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code reportJob}: makes one report into the archive ({@code archiveId}, an entry created RUNNING before the
 * launch): renders it (pages on disk through the virtualizer), stores the file privately with its size and
 * SHA-256, and marks the entry READY; a failed run marks it FAILED with why, and a restart makes it again.
 * Parameters: {@code archiveId} (identifying), {@code type}, {@code format}, and per type {@code lotteryId},
 * {@code runId} or {@code from}/{@code to} (ISO dates).
 */
@Configuration(proxyBeanMethods = false)
class ReportJobConfiguration {

    static final String JOB = "reportJob";
    static final String STEP = "renderReport";

    @Bean
    Job reportJob(JobRepository jobs, Step renderReport, ReportArchive archive) {
        return new JobBuilder(JOB, jobs).start(renderReport).listener(new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.FAILED) {
                    archive.fail(execution.getJobParameters().getLong("archiveId"),
                            execution.getExitStatus().getExitDescription());
                }
            }
        }).build();
    }

    @Bean
    Step renderReport(JobRepository jobs, PlatformTransactionManager transactions, ReportService reports,
            ReportArchive archive) {
        return new StepBuilder(STEP, jobs).tasklet((contribution, chunk) -> {
            JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
            ReportRequest request = request(parameters);
            byte[] file = reports.renderToBytes(request);
            archive.complete(parameters.getLong("archiveId"), request.fileName(), file, request.format().contentType());
            contribution.incrementWriteCount(1);
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    static ReportRequest request(JobParameters parameters) {
        String from = parameters.getString("from");
        String to = parameters.getString("to");
        return new ReportRequest(ReportType.valueOf(parameters.getString("type")),
                ReportFormat.valueOf(parameters.getString("format")), parameters.getLong("lotteryId"),
                parameters.getString("runId"), from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }
}
