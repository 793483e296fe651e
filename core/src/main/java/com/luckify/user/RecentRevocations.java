package com.luckify.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The users whose tokens were revoked within one token life, with the version their tokens must now carry, kept in
 * each process and read again from MySQL every {@code luckify.jwt.revocation-poll} (250 ms, {@link UserStateReads}):
 * so checking a request's token asks no database. A token of a user not in here was issued after the user's last revocation, or
 * that revocation is older than a token lives and the token has expired anyway.
 *
 * <p>Each poll reads the revocations since the previous one ({@code idx_user_tokens_revoked_at}), from a few seconds
 * before it, so a revocation whose transaction committed after its row's time was taken is still found. This
 * process's own revocations are read at once after their commit ({@link #pollNow()}), another process's within one
 * poll. While MySQL cannot be read nothing can be revoked either; what was revoked in the last poll interval before
 * it went away is seen when it is back. Until the first poll has answered, {@link #isRevoked} does not know and the
 * caller asks MySQL.
 */
@Component
public class RecentRevocations {

    /** How far back each poll reads again: longer than a revoking transaction takes from its update to its commit. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private final UserMapper users;
    private final Duration window;
    private final Map<Long, Revoked> recent = new ConcurrentHashMap<>();
    private volatile Instant polledAt;

    RecentRevocations(UserMapper users, @Value("${luckify.jwt.access-expire:7d}") Duration tokenLife) {
        this.users = users;
        // a margin for the clocks of the token's issuer and of the database
        this.window = tokenLife.plus(Duration.ofMinutes(10));
    }

    /**
     * Whether a token of the user issued under {@code tokenVersion} is revoked; null while this process has not yet
     * read the revocations (at start-up), when only MySQL can say.
     */
    public Boolean isRevoked(long userId, int tokenVersion) {
        if (polledAt == null) {
            return null;
        }
        Revoked revoked = recent.get(userId);
        return revoked != null && tokenVersion < revoked.version();
    }

    /** Reads the revocations made since the last poll now, as after a revocation of this process's own. */
    public synchronized void pollNow() {
        Instant now = users.databaseNow();
        Instant since = polledAt == null ? now.minus(window) : polledAt.minus(OVERLAP);
        for (UserMapper.Revocation revocation : users.revokedSince(since)) {
            recent.merge(revocation.userId(), new Revoked(revocation.tokenVersion(), revocation.revokedAt()),
                    (known, found) -> found.version() >= known.version() ? found : known);
        }
        Instant forgotten = now.minus(window);
        recent.values().removeIf(revoked -> revoked.at().isBefore(forgotten));
        polledAt = now;
    }

    private record Revoked(int version, Instant at) {
    }
}
