package com.luckify.user;

/**
 * What a profile update changes. A {@code null} component keeps the stored value; an empty string clears
 * the field (the original could never clear anything). The nickname is never cleared: every user has one.
 */
public record ProfileChanges(
        String nickname,
        Integer sex,
        String avatar,
        String info,
        String signature,
        String locationName,
        Double longitude,
        Double latitude) {
}
