package com.luckify.reconciliation;

import com.luckify.common.AfterCommit;
import com.luckify.common.BusinessMetrics;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The findings of reconciliation runs ({@code reconciliation_finding}), written by the job, read by the console. */
@Service
public class ReconciliationFindings {

    private final FindingMapper findings;
    private final BusinessMetrics metrics;

    ReconciliationFindings(FindingMapper findings, BusinessMetrics metrics) {
        this.findings = findings;
        this.metrics = metrics;
    }

    public void record(String runId, Long jobExecutionId, List<Finding> found) {
        if (!found.isEmpty()) {
            findings.insert(runId, jobExecutionId, found);
            // counted once the chunk that recorded them commits: a chunk rolled back and read again counts once
            Map<String, Long> byKind = found.stream().collect(Collectors.groupingBy(Finding::kind, Collectors.counting()));
            AfterCommit.run(() -> byKind.forEach(metrics::reconciliationFindings));
        }
    }

    public List<Finding> ofRun(String runId) {
        return findings.ofRun(runId);
    }

    /** The job execution that recorded a run's findings and when, if it found anything. */
    public Optional<RunSummaryRecord> runRecord(String runId) {
        FindingMapper.RunRecord row = findings.runRecord(runId);
        return row == null ? Optional.empty() : Optional.of(new RunSummaryRecord(row.jobExecutionId(), row.recorded()));
    }

    /** Where a run's findings came from. */
    public record RunSummaryRecord(Long jobExecutionId, Instant recorded) {
    }

    /** Per run id, its findings and repairs; runs that found nothing are absent. */
    public Map<String, RunSummary> summaries(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return findings.summaries(runIds).stream().collect(Collectors.toMap(RunSummary::runId, Function.identity()));
    }
}
