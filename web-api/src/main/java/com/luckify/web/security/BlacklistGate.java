package com.luckify.web.security;

import com.luckify.user.BlacklistStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place where the blacklist keeps a user from writing: before the handler of every operation the contract
 * marks as a write (token refresh included), a blacklisted caller is answered {@code 200015} with nothing done, not
 * even a rate-limit permit spent. Reads stay open to them: a banned user may still look at public data and their own.
 * Runs after Spring Security, so the caller is the verified token's user; the answer goes through the API's
 * exception handler and so comes in the contract's envelope.
 */
@Component
class BlacklistGate implements HandlerInterceptor, WebMvcConfigurer {

    private final ContractWrites writes = ContractWrites.load();
    private final BlacklistStatus blacklist;

    BlacklistGate(BlacklistStatus blacklist) {
        this.blacklist = blacklist;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/usercenter/**", "/upload/**", "/lottery/**", "/comment/**",
                "/checkin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // the pattern the request was mapped with is the contract's path, whatever the request's spelling
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                && writes.isWrite(request.getMethod(), pattern)) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken jwt
                    && jwt.getToken().getClaim(TokenIssuer.USER_ID_CLAIM) instanceof Number userId) {
                blacklist.requireNotBlacklisted(userId.longValue());
            }
        }
        return true;
    }
}
