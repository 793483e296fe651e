package com.luckify.web.security;

import com.luckify.user.TokenVersions;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Refuses a token issued under an older version of its user's tokens (revoked by a ban, "log out everywhere" or a
 * password change). Asked on every request, after {@link VerifiedTokenCache}: a token's signature stays valid for
 * its whole life, its revocation can come at any moment. It costs no query ({@code RecentRevocations}).
 */
final class RevocationCheck implements JwtDecoder {

    private final JwtDecoder decoder;
    private final TokenVersions versions;

    RevocationCheck(JwtDecoder decoder, TokenVersions versions) {
        this.decoder = decoder;
        this.versions = versions;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = decoder.decode(token);
        long userId = ((Number) jwt.getClaim(TokenIssuer.USER_ID_CLAIM)).longValue();
        if (versions.isRevoked(userId, TokenIssuer.versionOf(jwt))) {
            throw new BadJwtException("token revoked");
        }
        return jwt;
    }
}
