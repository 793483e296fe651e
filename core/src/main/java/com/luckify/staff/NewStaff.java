package com.luckify.staff;

import java.util.Set;

/** An account to create; {@code rawPassword} null makes an OIDC-only account. */
public record NewStaff(String username, String rawPassword, String displayName, Set<StaffRole> roles) {
}
