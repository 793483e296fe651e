package com.luckify.web.lottery;

import com.luckify.lottery.ListQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the lottery endpoints; component names are the contract's JSON keys. */
final class LotteryRequests {

    private LotteryRequests() {
    }

    record LotteryListReq(
            @NotNull(message = "is not set") Long lastId,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Integer pageSize,
            @NotNull(message = "is not set") Integer isSelected) {
    }

    /** {@code pageIndex} is a row offset the database walks: pages past {@link ListQuery#MAX_PAGE} are refused. */
    record LotteryListSlowQueryReq(
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative")
            @Max(value = ListQuery.MAX_PAGE, message = "must be at most 100") Integer pageIndex,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Integer pageSize,
            @NotNull(message = "is not set") Integer isSelected) {
    }

    record CursorSizeReq(
            @NotNull(message = "is not set") Long lastId,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Integer size) {
    }

    record IdReq(@NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long id) {
    }

    record LotteryIdReq(@NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long lotteryId) {
    }

    /**
     * Not in the original: the ticket startClockTask issued. It is optional here so that an old client, which sends
     * only lotteryId, is told what to do (500054) rather than "parameter error".
     */
    record CompleteClockTaskReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long lotteryId,
            @Size(max = 64, message = "is too long (max 64)") String ticket) {
    }

    /** Not in the original: where a winner wants the prize sent. */
    record ClaimPrizeReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long lotteryId,
            @NotBlank(message = "is empty") @Size(max = 32, message = "is longer than 32 characters") String contactName,
            @NotNull(message = "is not set") @Pattern(regexp = "1[3-9][0-9]{9}", message = "is not a mobile number") String mobile,
            @NotBlank(message = "is empty") @Size(max = 255, message = "is longer than 255 characters") String address) {
    }

    record SearchLotteryParticipationReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long lotteryId,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative")
            @Max(value = ListQuery.MAX_PAGE, message = "must be at most 100") Integer pageIndex,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Integer pageSize) {
    }

    /** Not in the original: a page of a drawn lottery's participant list, after {@code lastUserId} (0: from the start). */
    record DrawParticipantsReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long lotteryId,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Long lastUserId,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative")
            @Max(value = 1000, message = "must be at most 1000") Integer pageSize) {
    }

    record CreatePrize(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be 1 to 6") @Max(value = 6, message = "must be 1 to 6")
            Integer type,
            @NotBlank(message = "is not set") @Size(max = 24, message = "is too long (max 24)") String name,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be at least 1")
            @Max(value = 1_000_000, message = "must be at most 1000000") Integer count,
            @NotNull(message = "is not set") @Size(max = 255, message = "is too long (max 255)") String thumb,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100")
            Integer level,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be 1 to 4") @Max(value = 4, message = "must be 1 to 4")
            Integer grantType,
            @Min(value = 0, message = "must be 0 to 1000000") @Max(value = 1_000_000, message = "must be 0 to 1000000")
            Integer winProbabilityPpm) {
    }

    record CreateClockTask(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be 1 to 4") @Max(value = 4, message = "must be 1 to 4")
            Integer type,
            @Min(value = 0, message = "must be 0 to 3600") @Max(value = 3600, message = "must be 0 to 3600") Integer seconds,
            @Min(value = 0, message = "must be 0 to 2") @Max(value = 2, message = "must be 0 to 2") Integer appletType,
            @Size(max = 500, message = "is too long (max 500)") String pageLink,
            @Size(max = 64, message = "is too long (max 64)") String appId,
            @Size(max = 255, message = "is too long (max 255)") String pagePath,
            @Size(max = 255, message = "is too long (max 255)") String image,
            @Size(max = 64, message = "is too long (max 64)") String videoAccountId,
            @Size(max = 128, message = "is too long (max 128)") String videoId,
            @Size(max = 500, message = "is too long (max 500)") String articleLink,
            @Size(max = 255, message = "is too long (max 255)") String copywriting,
            @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2") Integer chanceType,
            @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100") Integer increaseMultiple) {
    }

    record CreateLotteryReq(
            @NotBlank(message = "is not set") @Size(max = 50, message = "is too long (max 50)") String name,
            @NotNull(message = "is not set") @Size(max = 255, message = "is too long (max 255)") String thumb,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be 1, 2 or 3") @Max(value = 3, message = "must be 1, 2 or 3")
            Integer announceType,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a Unix time in seconds") Long announceTime,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative")
            @Max(value = 10_000_000, message = "must be at most 10000000") Integer joinNumber,
            @NotNull(message = "is not set") @Size(max = 2000, message = "is too long (max 2000)") String introduce,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a Unix time in seconds") Long awardDeadline,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Long sponsorId,
            @NotNull(message = "is not set") @Size(max = 50, message = "has too many prizes (max 50)") List<@Valid @NotNull(message = "is not set") CreatePrize> prizes,
            @NotNull(message = "is not set") @Min(value = 0, message = "must be 0 or 1") @Max(value = 1, message = "must be 0 or 1")
            Integer isClocked,
            @Valid CreateClockTask clockTask,
            @NotNull(message = "is not set") @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2")
            Integer publishType) {
    }
}
