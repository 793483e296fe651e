package com.luckify.user;

import java.time.Instant;

/** Insert target for a new user; MyBatis writes the generated key back into {@code id}. */
final class NewUserRow {

    Long id;
    final String mobile;
    final String password;
    final String nickname;
    final String avatar;
    /** When WeChat verified {@code mobile} as the user's; null for a typed (unverified) mobile or none. */
    final Instant mobileVerifiedAt;

    NewUserRow(String mobile, String password, String nickname, String avatar) {
        this(mobile, password, nickname, avatar, null);
    }

    NewUserRow(String mobile, String password, String nickname, String avatar, Instant mobileVerifiedAt) {
        this.mobile = mobile;
        this.password = password;
        this.nickname = nickname;
        this.avatar = avatar;
        this.mobileVerifiedAt = mobileVerifiedAt;
    }
}
