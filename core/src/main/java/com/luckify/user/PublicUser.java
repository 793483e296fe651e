package com.luckify.user;

/**
 * How other people see a user in lists of participants and winners: a masked nickname and the avatar,
 * never the mobile. Masking is by character, not byte (the original cut Chinese nicknames in half).
 */
public record PublicUser(long id, String nickname, String avatar) {

    /** From the stored nickname and avatar, either of which may be null (a user who no longer exists shows as "**"). */
    public static PublicUser of(long id, String nickname, String avatar) {
        return new PublicUser(id, mask(nickname), avatar == null ? "" : avatar);
    }

    /** "张三丰" → "张**丰", "ab" → "ab**", "" → "**", as the original showed them. */
    static String mask(String nickname) {
        if (nickname == null || nickname.isEmpty()) {
            return "**";
        }
        int length = nickname.codePointCount(0, nickname.length());
        if (length <= 2) {
            return nickname + "**";
        }
        int first = nickname.offsetByCodePoints(0, 1);
        int last = nickname.offsetByCodePoints(0, length - 1);
        return nickname.substring(0, first) + "**" + nickname.substring(last);
    }
}
