package com.luckify.reconciliation;

/** What one reconciliation run found: how many differences, and how many of them it repaired. */
public record RunSummary(String runId, long findings, long repaired) {
}
