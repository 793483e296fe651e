package com.luckify.user;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.AfterCommit;
import com.luckify.common.LikePattern;
import com.luckify.common.LockRetry;
import com.luckify.common.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Staff finding users and putting them on (and off) the blacklist, which keeps them out of every lottery and
 * revokes every token they hold.
 */
@Service
public class UserAdministration {

    public static final int MAX_REASON_LENGTH = 255;

    private final UserAdminMapper admin;
    private final AuditLog audit;
    private final LockRetry lockRetry;
    private final Clock clock;
    private final TokenVersions tokenVersions;
    private final BlacklistStatus blacklist;

    UserAdministration(UserAdminMapper admin, AuditLog audit, LockRetry lockRetry, Clock clock,
            TokenVersions tokenVersions, BlacklistStatus blacklist) {
        this.admin = admin;
        this.audit = audit;
        this.lockRetry = lockRetry;
        this.clock = clock;
        this.tokenVersions = tokenVersions;
        this.blacklist = blacklist;
    }

    /**
     * Digits are a user id or a mobile (11 digits), anything else a nickname prefix; blank lists everyone,
     * newest first.
     */
    public Paged<UserSummary> search(String text, int page, int size) {
        String query = text == null ? "" : text.strip();
        boolean isMobile = query.matches("1\\d{10}");
        Long id = !isMobile && query.matches("\\d{1,18}") ? Long.valueOf(query) : null;
        String mobile = isMobile ? query : null;
        String nickname = !isMobile && id == null && !query.isEmpty() ? LikePattern.startingWith(query) : null;
        Instant now = clock.instant();
        return Paged.fetch(page, size, (offset, limit) -> admin.search(id, mobile, nickname, now, offset, limit),
                () -> admin.count(id, mobile, nickname));
    }

    public UserSummary require(long userId) {
        List<UserSummary> found = admin.search(userId, null, null, clock.instant(), 0, 1);
        if (found.isEmpty()) {
            throw ActionRefused.of("user.not-found", "no user " + userId);
        }
        return found.get(0);
    }

    public List<BlacklistEntry> blacklistOf(long userId) {
        return admin.blacklistOf(userId);
    }

    /** Bans a user until {@code expiresAt} (null: until lifted). A user has at most one active ban. */
    public void blacklist(StaffActor actor, long userId, String reason, Instant expiresAt) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
            throw ActionRefused.of("user.blacklist-reason", "a ban needs a reason of at most " + MAX_REASON_LENGTH
                    + " characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ActionRefused.of("user.blacklist-expiry", "the ban would have ended already");
        }
        lockRetry.inTransactionWithoutResult(status -> {
            if (admin.lockUser(userId) == null) {
                throw ActionRefused.of("user.not-found", "no user " + userId);
            }
            if (admin.blacklistOf(userId).stream().anyMatch(entry -> entry.activeAt(now))) {
                throw ActionRefused.of("user.already-blacklisted", "user " + userId + " is blacklisted already");
            }
            admin.insertBlacklist(userId, why, expiresAt, actor.staffId());
            // out at once: every token the user holds dies with the ban
            tokenVersions.revokeAll(userId);
            Map<String, Object> after = new HashMap<>();
            after.put("blacklisted", true);
            after.put("reason", why);
            after.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
            audit.record(actor, "user.blacklist", "user", userId, Map.of("blacklisted", false), after);
            // in force in this process at once, in the others at their next read of the blacklist
            AfterCommit.run(this::refreshBlacklist);
        });
    }

    private void refreshBlacklist() {
        try {
            blacklist.refresh();
        } catch (RuntimeException e) {
            // the refresher reads it again within its interval; the ban has killed the user's tokens meanwhile
        }
    }

    public void unblock(StaffActor actor, long userId) {
        lockRetry.inTransactionWithoutResult(status -> {
            if (admin.lockUser(userId) == null) {
                throw ActionRefused.of("user.not-found", "no user " + userId);
            }
            if (admin.lift(userId, actor.staffId(), clock.instant()) == 0) {
                throw ActionRefused.of("user.not-blacklisted", "user " + userId + " is not blacklisted");
            }
            audit.record(actor, "user.unblock", "user", userId, Map.of("blacklisted", true),
                    Map.of("blacklisted", false));
        });
    }
}
