package com.luckify.web.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luckify.jwt.*}. The secret comes from {@code LUCKIFY_JWT_SECRET}; tokens are HS256 with the
 * original's lifetimes (7 days, refresh after half of it), which clients read as durations in seconds. Refreshing
 * keeps a session going for at most {@code max-session-age} (30 days) after its log-in.
 */
@ConfigurationProperties("luckify.jwt")
public record JwtProperties(
        String secret,
        @DefaultValue("7d") Duration accessExpire,
        @DefaultValue("302400s") Duration refreshAfter,
        @DefaultValue("30d") Duration maxSessionAge) {

    /** HS256 keys shorter than the hash are refused by the JOSE library, and rightly so. */
    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("luckify.jwt.secret is not set: export LUCKIFY_JWT_SECRET "
                    + "(at least " + MIN_SECRET_BYTES + " bytes of random text)");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("luckify.jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
    }
}
