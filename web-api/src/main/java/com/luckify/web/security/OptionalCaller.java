package com.luckify.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Who calls a public endpoint, when that changes the answer (a hidden sponsor is shown to its owner only). The
 * security chain ignores tokens on public endpoints so that a stale one never breaks a public page; this reads
 * the token the same way and with the same checks (signature, expiry, revocation), and treats a missing or bad
 * token as an anonymous caller, never as an error.
 */
@Component
public class OptionalCaller {

    private final JwtDecoder decoder;

    OptionalCaller(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    public OptionalLong userId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        try {
            Jwt jwt = decoder.decode(token);
            return jwt.getClaim(TokenIssuer.USER_ID_CLAIM) instanceof Number userId
                    ? OptionalLong.of(userId.longValue()) : OptionalLong.empty();
        } catch (JwtException e) {
            return OptionalLong.empty();
        }
    }
}
