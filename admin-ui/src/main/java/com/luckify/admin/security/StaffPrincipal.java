package com.luckify.admin.security;

import com.luckify.staff.StaffAccount;
import com.luckify.staff.StaffRole;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who is logged in to the console, kept in the session: the staff id, a name to show, and the roles. */
public record StaffPrincipal(long staffId, String username, String displayName, Set<StaffRole> roles)
        implements Principal, Serializable {

    static StaffPrincipal of(StaffAccount account) {
        return new StaffPrincipal(account.id(), account.username(), account.shownName(),
                account.roles().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(account.roles())));
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    public boolean hasAny(StaffRole... wanted) {
        for (StaffRole role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    Collection<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
