package com.luckify.admin.security;

import com.luckify.staff.StaffService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * OIDC login for staff whose account is linked to the provider's subject ({@code staff_account.oidc_subject}):
 * the identity provider says who it is, our staff table says what they may do. Unknown subjects are refused,
 * never created.
 */
@Component
class StaffOidcUserService extends OidcUserService {

    private final StaffService staff;

    StaffOidcUserService(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = super.loadUser(request);
        return staff.byOidcSubject(user.getSubject())
                .map(account -> new StaffOidcUser(user, StaffPrincipal.of(account)))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_staff",
                        "no staff account is linked to this identity", null)));
    }
}
