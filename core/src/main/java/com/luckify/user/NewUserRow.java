package com.luckify.user;

/** Insert target for a new user; MyBatis writes the generated key back into {@code id}. */
final class NewUserRow {

    Long id;
    final String mobile;
    final String password;
    final String nickname;
    final String avatar;

    NewUserRow(String mobile, String password, String nickname, String avatar) {
        this.mobile = mobile;
        this.password = password;
        this.nickname = nickname;
        this.avatar = avatar;
    }
}
