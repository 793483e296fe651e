package com.luckify.admin.security;

import static com.luckify.staff.StaffRole.ADMIN;
import static com.luckify.staff.StaffRole.CAMPAIGN_MANAGER;
import static com.luckify.staff.StaffRole.FINANCE;
import static com.luckify.staff.StaffRole.MODERATOR;

import com.luckify.staff.StaffRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which roles work in which section of the console: the one table behind the filter chain, the menu and the
 * role-matrix test. The dashboard is open to every staff member.
 */
public final class AdminAccess {

    public static final Map<String, Set<StaffRole>> SECTIONS = sections();

    private AdminAccess() {
    }

    private static Map<String, Set<StaffRole>> sections() {
        Map<String, Set<StaffRole>> sections = new LinkedHashMap<>();
        sections.put("/admin/lotteries/**", Set.of(ADMIN, CAMPAIGN_MANAGER));
        sections.put("/admin/moderation/**", Set.of(ADMIN, MODERATOR));
        // moderators look users up from a comment; blacklisting itself is checked per action
        sections.put("/admin/users/**", Set.of(ADMIN, MODERATOR));
        sections.put("/admin/sponsors/**", Set.of(ADMIN, CAMPAIGN_MANAGER));
        // rewards are points liability: finance approves the ones above luckify.admin.rewards.max-without-approval
        sections.put("/admin/settings/**", Set.of(ADMIN, CAMPAIGN_MANAGER, FINANCE));
        sections.put("/admin/jobs/**", Set.of(ADMIN));
        sections.put("/admin/reconciliation/**", Set.of(ADMIN, FINANCE));
        sections.put("/admin/dead-letters/**", Set.of(ADMIN));
        // event payloads name users and lotteries; a retry makes a consumer run again
        sections.put("/admin/event-dead-letters/**", Set.of(ADMIN));
        sections.put("/admin/reports/**", Set.of(ADMIN, FINANCE));
        sections.put("/admin/audit/**", Set.of(ADMIN, FINANCE));
        sections.put("/admin/staff/**", Set.of(ADMIN));
        return Collections.unmodifiableMap(sections);
    }

    /** True when one of {@code roles} may open {@code section} (a key of {@link #SECTIONS}). */
    public static boolean allows(String section, Set<StaffRole> roles) {
        return SECTIONS.getOrDefault(section, Set.of()).stream().anyMatch(roles::contains);
    }
}
