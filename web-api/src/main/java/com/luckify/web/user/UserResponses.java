package com.luckify.web.user;

import com.luckify.user.UserProfile;
import com.luckify.user.VerifiedMobile;

/** Response bodies of the usercenter endpoints, keyed as the contract (note {@code nickName} here). */
final class UserResponses {

    private UserResponses() {
    }

    record UserInfoResp(UsercenterUser userInfo) {
    }

    /** The mobile now bound and verified, and when (Unix seconds). */
    record BindMobileResp(String mobile, long verifiedAt) {

        static BindMobileResp of(VerifiedMobile bound) {
            return new BindMobileResp(bound.mobile(), bound.verifiedAt().getEpochSecond());
        }
    }

    record UsercenterUser(long id, String mobile, String nickName, int sex, String avatar, String info, int isAdmin,
            String signature, String locationName, double longitude, double latitude, int isMobileVerified) {

        static UsercenterUser of(UserProfile p) {
            return new UsercenterUser(p.id(), p.mobile(), p.nickname(), p.sex(), p.avatar(), p.info(), p.admin() ? 1 : 0,
                    p.signature(), p.locationName(), p.longitude(), p.latitude(), p.mobileVerified() ? 1 : 0);
        }
    }
}
