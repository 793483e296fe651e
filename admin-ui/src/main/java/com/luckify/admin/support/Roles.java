package com.luckify.admin.support;

import com.luckify.admin.security.StaffPrincipal;
import com.luckify.staff.StaffRole;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;

/** Checks for actions narrower than their section (a moderator may look a user up, only an admin may ban). */
public final class Roles {

    private Roles() {
    }

    /** True when the staff member behind the request holds one of {@code roles}. */
    public static boolean any(StaffRole... roles) {
        return CurrentStaff.principal().map(me -> me.hasAny(roles)).orElse(false);
    }

    public static void require(StaffRole... roles) {
        StaffPrincipal me = CurrentStaff.principal().orElseThrow(() -> new AccessDeniedException("no staff login"));
        if (!me.hasAny(roles)) {
            throw new AccessDeniedException("needs one of " + Arrays.toString(roles));
        }
    }
}
