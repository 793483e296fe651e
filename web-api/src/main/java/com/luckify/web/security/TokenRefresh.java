package com.luckify.web.security;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.user.UserService;
import com.luckify.web.security.TokenIssuer.IssuedToken;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * A fresh token for the holder of a live one, on the contract's terms: not before the token's {@code refreshAfter}
 * (so a stolen token cannot be refreshed over and over), never past {@code luckify.jwt.max-session-age} after the
 * log-in it descends from (a stolen token dies with its session at the latest). Never for a blacklisted user either:
 * {@link BlacklistGate} refuses the refresh before it gets here, as it refuses every write.
 */
@Component
public class TokenRefresh {

    private final TokenIssuer issuer;
    private final JwtProperties properties;
    private final UserService users;
    private final Clock clock;

    TokenRefresh(TokenIssuer issuer, JwtProperties properties, UserService users, Clock clock) {
        this.issuer = issuer;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    public IssuedToken refresh(Jwt token) {
        long userId = ((Number) token.getClaim(TokenIssuer.USER_ID_CLAIM)).longValue();
        // the token check asks no database (RevocationCheck): a token whose user is not there is found out here
        if (!users.exists(userId)) {
            throw BusinessException.of(ErrorCode.TOKEN_INVALID);
        }
        Instant now = clock.instant();
        if (now.isBefore(token.getIssuedAt().plus(properties.refreshAfter()))) {
            throw BusinessException.of(ErrorCode.TOKEN_REFRESH_TOO_EARLY);
        }
        Instant authTime = TokenIssuer.authTimeOf(token);
        if (!now.isBefore(authTime.plus(properties.maxSessionAge()))) {
            throw BusinessException.of(ErrorCode.TOKEN_INVALID);
        }
        return issuer.issue(userId, authTime);
    }
}
