package com.luckify.user;

/** One row of {@code user}, as the mapper reads it. */
record UserRow(
        long id,
        String mobile,
        String password,
        String nickname,
        int sex,
        String avatar,
        String info,
        int isAdmin,
        String signature,
        String locationName,
        double longitude,
        double latitude,
        boolean mobileVerified) {

    UserProfile toProfile() {
        return new UserProfile(id, mobile == null ? "" : mobile, nickname, sex, avatar, info, isAdmin == 1,
                signature, locationName, longitude, latitude, mobileVerified);
    }
}
