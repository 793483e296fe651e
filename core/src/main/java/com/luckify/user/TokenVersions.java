package com.luckify.user;

import com.luckify.common.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's token version ({@code user.token_version}, MySQL the truth): every token carries the version it was
 * issued under, and one under an older version is dead. Raising it revokes every token of the user at once, on a
 * ban, a "log out everywhere" or a password change. A request's token is checked against {@link RecentRevocations}
 * (no query); the version a new token is issued under is read through a {@link TokenVersionCache} in each process,
 * which a raise ends everywhere (Redis pub/sub, with a one-second watch behind it).
 */
@Component
public class TokenVersions {

    private static final Logger log = LoggerFactory.getLogger(TokenVersions.class);

    private final UserMapper users;
    private final TokenVersionCache cache;
    private final RecentRevocations revocations;

    TokenVersions(UserMapper users, TokenVersionCache cache, RecentRevocations revocations) {
        this.users = users;
        this.cache = cache;
        this.revocations = revocations;
    }

    /**
     * Whether the user's token issued under {@code tokenVersion} is revoked. Answered from {@link RecentRevocations}
     * without a query once it has read the revocations; until then from MySQL (where a user who does not exist has
     * no live token either: users are never deleted, so a valid signature names one that does).
     */
    public boolean isRevoked(long userId, int tokenVersion) {
        Boolean revoked = revocations.isRevoked(userId, tokenVersion);
        if (revoked != null) {
            return revoked;
        }
        Integer current = current(userId);
        return current == null || current != tokenVersion;
    }

    /** The user's version now; null when there is no such user (whose tokens are dead too). */
    public Integer current(long userId) {
        return cache.get(new UserKey(userId), () -> users.tokenVersion(userId));
    }

    /** Kills every token the user holds; in the caller's transaction, the caches end once it has committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAll(long userId) {
        users.raiseTokenVersion(userId);
        AfterCommit.run(() -> {
            cache.invalidate();
            try {
                // in this process at once; the others read it within their next poll
                revocations.pollNow();
            } catch (RuntimeException e) {
                log.warn("the revocation of user {}'s tokens is seen here at the next poll: {}", userId, e.toString());
            }
        });
    }

    private record UserKey(long userId) {
    }
}
