package com.luckify.batch.report;

import com.luckify.archive.NewArchiveEntry;
import com.luckify.archive.ReportArchive;
import com.luckify.report.ReportRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Starts {@code reportJob} for a report: an archive entry first (RUNNING), then the job that fills it. */
@Component
public class ReportArchiver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobOperator jobs;
    private final Job reportJob;
    private final ReportArchive archive;

    ReportArchiver(JobOperator jobs, Job reportJob, ReportArchive archive) {
        this.jobs = jobs;
        this.reportJob = reportJob;
        this.archive = archive;
    }

    /** The archive entry for a request, RUNNING until its job ends; {@code staffId} null for a schedule. */
    public long enter(ReportRequest request, Long staffId) {
        ReportRequest report = request.validated();
        return archive.start(entry(report, staffId));
    }

    /** Runs the job of an entry in this thread; the entry is READY or FAILED afterwards. */
    public JobExecution run(long archiveId, ReportRequest request) throws Exception {
        return jobs.start(reportJob, parameters(archiveId, request));
    }

    static NewArchiveEntry entry(ReportRequest report, Long staffId) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (report.lotteryId() != null) {
            params.put("lotteryId", report.lotteryId());
        }
        if (report.runId() != null) {
            params.put("runId", report.runId());
        }
        return new NewArchiveEntry(report.type().name(), report.format().name(),
                params.isEmpty() ? null : JSON.writeValueAsString(params), report.from(), report.to(), staffId, null);
    }

    private static JobParameters parameters(long archiveId, ReportRequest request) {
        JobParametersBuilder builder = new JobParametersBuilder().addLong("archiveId", archiveId, true)
                .addString("type", request.type().name(), false).addString("format", request.format().name(), false);
        if (request.lotteryId() != null) {
            builder.addLong("lotteryId", request.lotteryId(), false);
        }
        if (request.runId() != null) {
            builder.addString("runId", request.runId(), false);
        }
        if (request.from() != null) {
            builder.addString("from", request.from().toString(), false).addString("to", request.to().toString(), false);
        }
        return builder.toJobParameters();
    }
}
