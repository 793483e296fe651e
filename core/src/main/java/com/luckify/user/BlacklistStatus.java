package com.luckify.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a user is on the blacklist now, asked before every write of the mini-program API. Only "not blacklisted"
 * answers are remembered, for {@code luckify.user.blacklist-check.cache} (2 s by default), so a user blacklisted from
 * the console (on any replica) is refused within that time, and a lifted ban counts at once. A blacklisted user's
 * requests each ask MySQL again: one indexed lookup ({@code idx_user_blacklist_user}) per refused request.
 */
@Component
public class BlacklistStatus {

    private final UserMapper users;
    private final Cache<Long, Boolean> notBlacklisted;

    BlacklistStatus(UserMapper users, @Value("${luckify.user.blacklist-check.cache:2s}") Duration cacheFor) {
        this.users = users;
        // 50,000 ids are about 4 MB: the writers of a few seconds, not every user who ever wrote
        this.notBlacklisted = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(cacheFor).build();
    }

    /** Throws {@link ErrorCode#USER_BLACKLISTED} while the user is on the blacklist. */
    public void requireNotBlacklisted(long userId) {
        if (notBlacklisted.getIfPresent(userId) != null) {
            return;
        }
        if (users.isBlacklisted(userId)) {
            throw BusinessException.of(ErrorCode.USER_BLACKLISTED);
        }
        notBlacklisted.put(userId, Boolean.TRUE);
    }

    /**
     * What a lookup made for another reason found just now ({@link TokenVersions} reads the blacklist with the token
     * version): remembered as if this check had asked, for the same time.
     */
    void foundNotBlacklisted(long userId) {
        notBlacklisted.put(userId, Boolean.TRUE);
    }
}
