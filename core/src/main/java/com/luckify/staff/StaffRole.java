package com.luckify.staff;

/** What a staff member may do in the admin console (a CHECK constraint on {@code staff_role.role} lists them). */
public enum StaffRole {
    ADMIN,
    CAMPAIGN_MANAGER,
    MODERATOR,
    FINANCE
}
