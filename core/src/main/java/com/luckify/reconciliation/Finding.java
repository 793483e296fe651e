package com.luckify.reconciliation;

/**
 * One difference a reconciliation run found: what kind, about what, the value MySQL says ({@code expected})
 * and the one Redis or the derived counter held ({@code actual}), and whether it was repaired.
 */
public record Finding(String kind, String subjectType, String subjectId, String expected, String actual,
        boolean repaired, String repairNote) {
}
