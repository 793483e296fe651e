package com.luckify.admin.settings;

import com.luckify.admin.support.Roles;
import com.luckify.common.ActionRefused;
import com.luckify.staff.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.admin.rewards.max-without-approval}: the largest check-in or task reward (wish value per day or per
 * task) a campaign manager may set alone. Rewards are points liability, so a larger one needs an administrator or
 * finance. The default, 100, is above every reward shipped (check-in days 5 to 40, tasks 10 to 50).
 */
@ConfigurationProperties("luckify.admin.rewards")
record RewardApproval(@DefaultValue("100") int maxWithoutApproval) {

    /**
     * Refuses a reward above the limit unless the staff member may approve it. Only a reward that changes counts:
     * a large one an approver set earlier does not stop a campaign manager from editing the rest of the form.
     */
    void check(int before, int after) {
        if (after > maxWithoutApproval && after != before && !Roles.any(StaffRole.ADMIN, StaffRole.FINANCE)) {
            throw ActionRefused.of("reward.needs-approval", "rewards above " + maxWithoutApproval
                    + " need an administrator or finance");
        }
    }
}
