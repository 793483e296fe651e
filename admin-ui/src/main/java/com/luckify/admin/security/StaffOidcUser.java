package com.luckify.admin.security;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An OIDC login carrying the staff account it maps to, with that account's roles as authorities. */
public class StaffOidcUser extends DefaultOidcUser {

    private final StaffPrincipal staff;

    StaffOidcUser(OidcUser user, StaffPrincipal staff) {
        super(staff.authorities(), user.getIdToken(), user.getUserInfo());
        this.staff = staff;
    }

    public StaffPrincipal staff() {
        return staff;
    }
}
