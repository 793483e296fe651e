package com.luckify.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads the token as go-zero did: {@code Authorization: Bearer <token>} or the bare token. On public
 * endpoints the header is ignored, so a stale token left in a client never breaks a public page.
 */
class LenientBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
    private final RequestMatcher publicEndpoints;

    LenientBearerTokenResolver(RequestMatcher publicEndpoints) {
        this.publicEndpoints = publicEndpoints;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        if (publicEndpoints.matches(request)) {
            return null;
        }
        String header = request.getHeader("Authorization");
        if (header != null && !header.isBlank() && !header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return header.trim();
        }
        return standard.resolve(request);
    }
}
