package com.luckify.reconciliation;

import java.util.List;
import org.springframework.stereotype.Service;

/** The findings of reconciliation runs ({@code reconciliation_finding}), written by the job, read by the console. */
@Service
public class ReconciliationFindings {

    private final FindingMapper findings;

    ReconciliationFindings(FindingMapper findings) {
        this.findings = findings;
    }

    public void record(String runId, Long jobExecutionId, List<Finding> found) {
        if (!found.isEmpty()) {
            findings.insert(runId, jobExecutionId, found);
        }
    }

    public List<Finding> ofRun(String runId) {
        return findings.ofRun(runId);
    }
}
