package com.luckify.web.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the tokens the original issued: HS256, {@code userId}, {@code iat}, {@code exp}, nothing else. */
@Component
public class TokenIssuer {

    public static final String USER_ID_CLAIM = "userId";

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedToken issue(long userId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessExpire()))
                .claim(USER_ID_CLAIM, userId)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, properties.accessExpire().toSeconds(), properties.refreshAfter().toSeconds());
    }

    /**
     * The contract's {@code TokenResp}, answered as is by the token endpoints; the two numbers are durations
     * in seconds, as the original sent them.
     */
    public record IssuedToken(String accessToken, long accessExpire, long refreshAfter) {
    }
}
