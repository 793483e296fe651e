package com.luckify.admin.security;

import com.luckify.staff.StaffService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * OIDC login for staff whose account is linked to the identity, the issuer and the subject of the ID token
 * ({@code staff_account.oidc_issuer}, {@code oidc_subject}; a subject is unique only within its issuer): the
 * identity provider says who it is, our staff table says what they may do. Unknown identities are refused, never
 * created. Links made before issuers were kept count for the issuer the registration is configured with
 * ({@code spring.security.oauth2.client.provider.*.issuer-uri}) only.
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
        String issuer = user.getIssuer() == null ? null : user.getIssuer().toString();
        String configuredIssuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
        return staff.byOidcIdentity(issuer, user.getSubject(), configuredIssuer)
                .map(account -> new StaffOidcUser(user, StaffPrincipal.of(account)))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_staff",
                        "no staff account is linked to this identity", null)));
    }
}
