package com.luckify.admin.security;

import com.luckify.staff.StaffLogin;
import com.luckify.staff.StaffService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The login form's check, with the staff feature's lock-out. */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffService staff;

    StaffAuthenticationProvider(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        StaffLogin login = staff.login(authentication.getName(), String.valueOf(authentication.getCredentials()));
        return switch (login.outcome()) {
            case SUCCESS -> {
                StaffPrincipal principal = StaffPrincipal.of(login.account());
                yield UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
            }
            case LOCKED -> throw new LockedException("locked after too many failed logins");
            case DISABLED -> throw new DisabledException("account disabled");
            case BAD_CREDENTIALS -> throw new BadCredentialsException("bad credentials");
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
