package com.luckify.web.security;

import com.luckify.user.TokenVersions;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the tokens the original issued (HS256, {@code userId}, {@code iat}, {@code exp}) with two claims more:
 * {@code ver}, the version of the user's tokens it is issued under ({@link TokenVersions}: an older one is revoked),
 * and {@code authTime}, when the user logged in (a refresh keeps it, so a session has a maximum age).
 */
@Component
public class TokenIssuer {

    public static final String USER_ID_CLAIM = "userId";
    static final String VERSION_CLAIM = "ver";
    static final String AUTH_TIME_CLAIM = "authTime";

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final TokenVersions versions;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, JwtProperties properties, TokenVersions versions, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.versions = versions;
        this.clock = clock;
    }

    /** A token for a user who has just logged in. */
    public IssuedToken issue(long userId) {
        return issue(userId, clock.instant());
    }

    /** A token for a user who logged in at {@code authTime} (a refresh). */
    IssuedToken issue(long userId, Instant authTime) {
        Instant now = clock.instant();
        Integer version = versions.current(userId);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessExpire()))
                .claim(USER_ID_CLAIM, userId)
                .claim(VERSION_CLAIM, version == null ? 0 : version)
                .claim(AUTH_TIME_CLAIM, authTime.getEpochSecond())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, properties.accessExpire().toSeconds(), properties.refreshAfter().toSeconds());
    }

    /** The version a token was issued under; 0 for tokens issued before versions existed. */
    static int versionOf(Jwt token) {
        return token.getClaim(VERSION_CLAIM) instanceof Number version ? version.intValue() : 0;
    }

    /** When the token's user logged in; its issue time for tokens issued before this was carried. */
    static Instant authTimeOf(Jwt token) {
        return token.getClaim(AUTH_TIME_CLAIM) instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue())
                : token.getIssuedAt();
    }

    /**
     * The contract's {@code TokenResp}, answered as is by the token endpoints; the two numbers are durations
     * in seconds, as the original sent them.
     */
    public record IssuedToken(String accessToken, long accessExpire, long refreshAfter) {
    }
}
