package com.luckify.audit;

import java.time.Instant;

/** Filters of the audit log page; null or blank means "any". */
public record AuditQuery(String actorName, String action, String targetType, String targetId, Instant from,
        Instant to) {

    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
