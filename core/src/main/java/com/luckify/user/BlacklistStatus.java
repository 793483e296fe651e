package com.luckify.user;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether a user is on the blacklist now, asked before every write of the mini-program API. Each process keeps the
 * users a ban is in force on (a few, beside the users who write) and reads them again every
 * {@code luckify.user.blacklist-check.cache} (2 s by default, {@link UserStateReads}), so a write asks no database
 * and a ban made in any way is in force everywhere within that time; a ban from the console is read again at once
 * in its own process (and kills the user's tokens anyway). A user found among them is asked about in MySQL again, so a ban lifted or
 * expired since counts at once. Until the first read has answered (start-up), every check asks MySQL.
 */
@Component
public class BlacklistStatus {

    private final UserMapper users;
    private volatile Set<Long> banned;

    BlacklistStatus(UserMapper users) {
        this.users = users;
    }

    /** Throws {@link ErrorCode#USER_BLACKLISTED} while the user is on the blacklist. */
    public void requireNotBlacklisted(long userId) {
        Set<Long> known = banned;
        if (known != null && !known.contains(userId)) {
            return;
        }
        if (users.isBlacklisted(userId)) {
            throw BusinessException.of(ErrorCode.USER_BLACKLISTED);
        }
    }

    /** Reads the bans in force again now, as after a ban made in this process. */
    public void refresh() {
        banned = Set.copyOf(users.blacklistedNow());
    }
}
