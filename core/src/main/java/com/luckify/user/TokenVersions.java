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
    private final BlacklistStatus blacklist;

    TokenVersions(UserMapper users, TokenVersionCache cache, BlacklistStatus blacklist) {
        this.users = users;
        this.cache = cache;
        this.blacklist = blacklist;
    }

    /** The user's version now, for a token being issued; null when there is no such user. */
    public Integer current(long userId) {
        return cache.get(new UserKey(userId), () -> load(userId, false));
    }

    /**
     * The version the user's request must carry; null when there is no such user (whose tokens are dead too). Read
     * now, it comes with the blacklist, which the same request's blacklist check then finds remembered: a request
     * that misses this cache is most often a write by a user not seen lately (a daily check-in, a first attempt),
     * and pays one lookup instead of two. A token's issuance tells the blacklist check nothing: the window in which
     * a new ban may go unseen ({@link BlacklistStatus}) starts at a request of the user's, not at a log-in.
     */
    public Integer currentForRequest(long userId) {
        return cache.get(new UserKey(userId), () -> load(userId, true));
    }

    private Integer load(long userId, boolean forRequest) {
        UserMapper.TokenState state = users.tokenState(userId);
        if (state == null) {
            return null;
        }
        if (forRequest && !state.blacklisted()) {
            blacklist.foundNotBlacklisted(userId);
        }
        return state.tokenVersion();
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
