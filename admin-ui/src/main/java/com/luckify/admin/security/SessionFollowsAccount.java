package com.luckify.admin.security;

import com.luckify.staff.StaffAccount;
import com.luckify.staff.StaffService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session holds what its login was, not what the account is: roles and the enabled flag are copied
 * into it. So every request checks the account as it is now ({@link StaffService#current}, at most
 * {@link StaffService#CURRENT_CACHED_FOR} old): a disabled or removed account's session ends there, and changed
 * roles replace the session's login before the request is authorized, so a demoted member loses a page on the
 * very next request. A session also ends {@code luckify.admin.session.max-age} (12 hours) after its login,
 * however busy it is; the idle timeout alone would let a session in steady use live for ever.
 */
@Component
class SessionFollowsAccount {

    /** When the session's login happened (epoch milliseconds, the application clock). */
    static final String LOGIN_TIME = "luckify.console.loginTime";

    private final StaffService staff;
    private final Clock clock;
    private final Duration maxAge;

    SessionFollowsAccount(StaffService staff, Clock clock,
            @Value("${luckify.admin.session.max-age:12h}") Duration maxAge) {
        this.staff = staff;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * After a login (form or OIDC, in the session it got its new id in): stamps the login time and indexes the
     * session under the account's username, so an administrator finds it (OIDC logins would otherwise be
     * indexed under the provider's subject).
     */
    AuthenticationSuccessHandler onLogin(String targetUrl) {
        SimpleUrlAuthenticationSuccessHandler redirect = new SimpleUrlAuthenticationSuccessHandler(targetUrl);
        redirect.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            HttpSession session = request.getSession();
            session.setAttribute(LOGIN_TIME, clock.instant().toEpochMilli());
            StaffPrincipal principal = principalOf(authentication);
            if (principal != null) {
                session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal.username());
            }
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The check on every request, placed after the security context is loaded and before authorization. */
    OncePerRequestFilter filter(AuthenticationEntryPoint loginAgain, String loginPage) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                StaffPrincipal principal = principalOf(authentication);
                // the login page and form are left alone: a login replaces whatever the session held
                if (session == null || principal == null
                        || request.getRequestURI().equals(request.getContextPath() + loginPage)) {
                    chain.doFilter(request, response);
                    return;
                }
                String refusal = follow(session, authentication, principal);
                if (refusal != null) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    loginAgain.commence(request, response, new SessionAuthenticationException(refusal));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Brings the session up to date with the account; returns why it must end instead, or null. */
    private String follow(HttpSession session, Authentication authentication, StaffPrincipal principal) {
        Instant now = clock.instant();
        if (!(session.getAttribute(LOGIN_TIME) instanceof Long loginTime)) {
            // a session logged in before login times were kept: its age counts from now
            session.setAttribute(LOGIN_TIME, now.toEpochMilli());
        } else if (!now.isBefore(Instant.ofEpochMilli(loginTime).plus(maxAge))) {
            return "session older than " + maxAge;
        }
        Optional<StaffAccount> account = staff.current(principal.staffId());
        if (account.isEmpty() || !account.get().enabled()) {
            return "account disabled or removed";
        }
        StaffPrincipal current = StaffPrincipal.of(account.get());
        if (!current.roles().equals(principal.roles())) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(withPrincipal(authentication, current));
            SecurityContextHolder.setContext(context);
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
        if (!principal.username().equals(session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME))) {
            session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal.username());
        }
        return null;
    }

    private static Authentication withPrincipal(Authentication login, StaffPrincipal principal) {
        if (login instanceof OAuth2AuthenticationToken oidc && oidc.getPrincipal() instanceof StaffOidcUser user) {
            return new OAuth2AuthenticationToken(new StaffOidcUser(user, principal), principal.authorities(),
                    oidc.getAuthorizedClientRegistrationId());
        }
        UsernamePasswordAuthenticationToken rebuilt = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities());
        rebuilt.setDetails(login.getDetails());
        return rebuilt;
    }

    static StaffPrincipal principalOf(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return staff;
        }
        if (authentication.getPrincipal() instanceof StaffOidcUser oidc) {
            return oidc.staff();
        }
        return null;
    }
}
