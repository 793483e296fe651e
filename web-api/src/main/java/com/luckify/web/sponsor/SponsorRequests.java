package com.luckify.web.sponsor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the sponsor endpoints. Component names are the contract's JSON keys (note the
 * snake-case {@code qr_code}). {@code userId} is accepted for compatibility and ignored: the owner is
 * always the caller.
 */
final class SponsorRequests {

    private SponsorRequests() {
    }

    record CreateSponsorReq(
            Long userId,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5")
            Integer type,
            @Min(value = 0, message = "must be 0 to 3") @Max(value = 3, message = "must be 0 to 3") Integer appletType,
            @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2") Integer isShow,
            @NotBlank(message = "is not set") @Size(max = 12, message = "is too long (max 12)") String name,
            @Size(max = 100, message = "is too long (max 100)") String desc,
            @Size(max = 255, message = "is too long (max 255)") String avatar,
            @Size(max = 255, message = "is too long (max 255)") String qr_code,
            @Size(max = 255, message = "is too long (max 255)") String inputA,
            @Size(max = 255, message = "is too long (max 255)") String inputB) {
    }

    /** Absent keys keep the stored value; {@code 0} for an enum keeps it too, as the original's clients send. */
    record UpdateSponsorReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a sponsor id") Long id,
            Long userId,
            @Min(value = 0, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer type,
            @Min(value = 0, message = "must be 0 to 3") @Max(value = 3, message = "must be 0 to 3") Integer appletType,
            @Min(value = 0, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2") Integer isShow,
            @Size(max = 12, message = "is too long (max 12)") String name,
            @Size(max = 100, message = "is too long (max 100)") String desc,
            @Size(max = 255, message = "is too long (max 255)") String avatar,
            @Size(max = 255, message = "is too long (max 255)") String qr_code,
            @Size(max = 255, message = "is too long (max 255)") String inputA,
            @Size(max = 255, message = "is too long (max 255)") String inputB) {
    }

    record SponsorListReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be at least 1") Integer page,
            @NotNull(message = "is not set") @Min(value = 0, message = "must be 0 to 100") @Max(value = 100, message = "must be 0 to 100")
            Integer pageSize) {
    }

    record IdReq(@NotNull(message = "is not set") @Min(value = 1, message = "must be a sponsor id") Long id) {
    }
}
