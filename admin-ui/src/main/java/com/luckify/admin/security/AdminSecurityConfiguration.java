package com.luckify.admin.security;

import com.luckify.staff.StaffService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractAuthenticationFilterConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own filter chain, beside the API's stateless one: a session with form login (and OIDC when a
 * client registration is configured), CSRF tokens on every change (htmx sends the token as a header), a new
 * session id at login, a strict content security policy (the pages load only their own scripts), and each
 * section open to the roles that work there. {@link AdminAccess} lists the sections.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    static final String LOGIN = "/admin/login";
    static final String OIDC_START = "/admin/oauth2/authorization";
    static final String HOME = "/admin";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 30)
    SecurityFilterChain adminSecurity(HttpSecurity http, StaffService staff,
            ObjectProvider<ClientRegistrationRepository> oidcClients, StaffOidcUserService oidcUsers,
            ObjectProvider<SessionFollowsAccount> sessionRules) throws Exception {
        HtmxAwareEntryPoint entryPoint = new HtmxAwareEntryPoint(LOGIN);
        // web slices (mocked staff, no clock) run without it
        SessionFollowsAccount followsAccount = sessionRules.getIfAvailable();
        if (followsAccount != null) {
            http.addFilterAfter(followsAccount.filter(entryPoint, LOGIN), CsrfFilter.class);
        }
        // the console's scripts come from webjars (htmx, ECharts): public, like its stylesheet
        http.securityMatcher("/admin", "/admin/**", "/webjars/**")
                .authenticationManager(new ProviderManager(new StaffAuthenticationProvider(staff)))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, LOGIN, "/admin/assets/**", "/webjars/**").permitAll();
                    requests.requestMatchers(HttpMethod.POST, LOGIN).permitAll();
                    AdminAccess.SECTIONS.forEach((path, roles) -> requests.requestMatchers(path)
                            .hasAnyRole(roles.stream().map(Enum::name).toArray(String[]::new)));
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> afterLogin(form.loginPage(LOGIN).loginProcessingUrl(LOGIN), followsAccount)
                        .failureHandler(new LoginFailureHandler()))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: https: http:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidcClients.getIfAvailable() != null) {
            // under /admin, so this chain (not the catch-all one that refuses everything) sees the round trip;
            // the provider's redirect URI is {baseUrl}/admin/login/oauth2/code/{registrationId}
            http.oauth2Login(oidc -> afterLogin(oidc.loginPage(LOGIN), followsAccount)
                    .authorizationEndpoint(authorization -> authorization.baseUri(OIDC_START))
                    .redirectionEndpoint(redirection -> redirection.baseUri("/admin/login/oauth2/code/*"))
                    .failureUrl(LOGIN + "?oidc-unknown")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
        }
        return http.build();
    }

    /** Both logins land on the dashboard; with the session rules, after stamping the session with the login. */
    private static <T extends AbstractAuthenticationFilterConfigurer<HttpSecurity, T, ?>> T afterLogin(T login,
            SessionFollowsAccount followsAccount) {
        return followsAccount == null ? login.defaultSuccessUrl(HOME, true)
                : login.successHandler(followsAccount.onLogin(HOME));
    }

    /** Tells the login page why it failed (locked and disabled accounts say so; anything else is "wrong"). */
    private static final class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "error";
            getRedirectStrategy().sendRedirect(request, response, LOGIN + "?" + reason);
        }
    }
}
