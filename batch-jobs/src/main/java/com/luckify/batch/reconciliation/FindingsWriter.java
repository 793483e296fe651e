package com.luckify.batch.reconciliation;

import com.luckify.reconciliation.Finding;
import com.luckify.reconciliation.ReconciliationFindings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk's findings with the run they belong to (not final: step-scoped beans are proxied). */
class FindingsWriter implements ItemWriter<List<Finding>> {

    private final ReconciliationFindings findings;
    private final String runId;
    private final Long jobExecutionId;

    FindingsWriter(ReconciliationFindings findings, String runId, Long jobExecutionId) {
        this.findings = findings;
        this.runId = runId;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends List<Finding>> chunk) {
        List<Finding> all = new ArrayList<>();
        chunk.forEach(all::addAll);
        findings.record(runId, jobExecutionId, all);
    }
}
