package com.luckify.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant createTime, String actorType, Long actorId, String actorName, String action,
        String targetType, String targetId, String beforeJson, String afterJson, String ip) {
}
