package com.luckify.user;

/**
 * A user's profile as the mini-program shows it. {@code mobile} is empty for WeChat-only users; {@code mobileVerified}
 * says whether WeChat verified it (bindMobile) or it was only typed at registration.
 */
public record UserProfile(
        long id,
        String mobile,
        String nickname,
        int sex,
        String avatar,
        String info,
        boolean admin,
        String signature,
        String locationName,
        double longitude,
        double latitude,
        boolean mobileVerified) {
}
