package com.luckify.staff;

import java.time.Instant;
import java.util.Set;

/** A staff account without its password hash, which never leaves this feature. */
public record StaffAccount(long id, String username, String displayName, boolean enabled, Instant lockedUntil,
        Instant lastLoginTime, Set<StaffRole> roles, String oidcIssuer, String oidcSubject) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
