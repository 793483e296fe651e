package com.luckify.user;

import java.time.Instant;

/** One ban of a user; rows are never deleted, a lift is recorded. */
public record BlacklistEntry(long id, long userId, String reason, Instant expiresAt, Long createdByStaffId,
        Instant createTime, Instant liftedAt, Long liftedByStaffId) {

    public boolean activeAt(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
