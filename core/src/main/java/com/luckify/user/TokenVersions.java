package com.luckify.user;

import com.luckify.common.AfterCommit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's token version ({@code user.token_version}, MySQL the truth): every token carries the version it was
 * issued under, and one under an older version is dead. Raising it revokes every token of the user at once, on a
 * ban, a "log out everywhere" or a password change. The version is read through a {@link TokenVersionCache} in
 * each process, which a raise ends everywhere (Redis pub/sub, with a one-second watch behind it).
 */
@Component
public class TokenVersions {

    private final UserMapper users;
    private final TokenVersionCache cache;

    TokenVersions(UserMapper users, TokenVersionCache cache) {
        this.users = users;
        this.cache = cache;
    }

    /** The user's version now; null when there is no such user (whose tokens are dead too). */
    public Integer current(long userId) {
        return cache.get(new UserKey(userId), () -> users.tokenVersion(userId));
    }

    /** Kills every token the user holds; in the caller's transaction, the caches end once it has committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAll(long userId) {
        users.raiseTokenVersion(userId);
        AfterCommit.run(cache::invalidate);
    }

    private record UserKey(long userId) {
    }
}
