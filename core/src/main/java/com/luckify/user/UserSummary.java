package com.luckify.user;

import java.time.Instant;

/** A user as staff see them in searches: unmasked, with whether they are blacklisted now. */
public record UserSummary(long id, String mobile, String nickname, String avatar, Instant createTime,
        boolean blacklisted) {
}
