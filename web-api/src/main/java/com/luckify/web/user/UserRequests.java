package com.luckify.web.user;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the usercenter endpoints. Component names are the contract's JSON keys, misspellings
 * included ({@code avator}), so validation errors name the key the client sent.
 */
final class UserRequests {

    private UserRequests() {
    }

    record MobilePasswordReq(
            @NotNull(message = "is not set") @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number")
            String mobile,
            @NotNull(message = "is not set") @Size(min = 6, max = 64, message = "must be 6 to 64 characters")
            String password) {
    }

    /**
     * Registration: the typed {@code mobile}, or the {@code code} of the mini-program's phone-number button (then the
     * mobile is the one WeChat verified, and the typed one, if any, is not used); which one the server requires
     * depends on luckify.user.real-people.registration.
     */
    record RegisterReq(
            @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String mobile,
            @NotNull(message = "is not set") @Size(min = 6, max = 64, message = "must be 6 to 64 characters")
            String password,
            @Size(max = 128, message = "is too long (max 128)") String code) {
    }

    /** The {@code code} the phone-number button ({@code open-type="getPhoneNumber"}) gave the mini-program. */
    record BindMobileReq(
            @NotBlank(message = "is not set") @Size(max = 128, message = "is too long (max 128)") String code) {
    }

    record ChangePasswordReq(
            @NotNull(message = "is not set") @Size(max = 64, message = "is too long (max 64)") String oldPassword,
            @NotNull(message = "is not set") @Size(min = 6, max = 64, message = "must be 6 to 64 characters")
            String newPassword) {
    }

    record WxMiniAuthReq(
            @NotBlank(message = "is not set") @Size(max = 128, message = "is too long (max 128)") String code,
            @Size(max = 64, message = "is too long (max 64)") String iv,
            @Size(max = 8192, message = "is too long (max 8192)") String encryptedData,
            @Size(max = 50, message = "is too long (max 50)") String nickname,
            @Size(max = 255, message = "is too long (max 255)") String avator) {
    }

    /**
     * Every key is optional: an absent key keeps the stored value, an empty string clears it. {@code sex}
     * arrives as a string ("1") from the original's clients and as a number from newer ones.
     */
    record UserUpdateReq(
            @Size(max = 50, message = "is too long (max 50)") String nickname,
            @Pattern(regexp = "[01]", message = "must be 0 or 1") String sex,
            @Size(max = 255, message = "is too long (max 255)") String avator,
            @Size(max = 255, message = "is too long (max 255)") String info,
            @Size(max = 255, message = "is too long (max 255)") String signature,
            @Size(max = 100, message = "is too long (max 100)") String locationName,
            @Min(value = -180, message = "must be between -180 and 180") @Max(value = 180, message = "must be between -180 and 180")
            Double longitude,
            @Min(value = -90, message = "must be between -90 and 90") @Max(value = 90, message = "must be between -90 and 90")
            Double latitude) {
    }
}
