package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one lottery may give away, and how many open lotteries one mini-program user may run
 * ({@code luckify.lottery.limits.*}). Every prize unit is stock to reserve, draw and account for, and anyone can
 * register, so a user's lottery stays small; staff in the console may create larger ones. The draw's memory does not
 * grow with units either way (they are runs), but stock, reports and reconciliation do. A clock task multiplies a
 * participant's odds at the draw; {@code clockTaskMaxMultiplier} caps that for everyone, staff included.
 */
@ConfigurationProperties("luckify.lottery.limits")
public record LotteryLimits(
        @DefaultValue("20") int prizesPerLottery,
        @DefaultValue("10000") int unitsPerPrize,
        @DefaultValue("50000") long unitsPerLottery,
        @DefaultValue("20") int openPerCreator,
        @DefaultValue("100") int staffPrizesPerLottery,
        @DefaultValue("1000000") int staffUnitsPerPrize,
        @DefaultValue("10000000") long staffUnitsPerLottery,
        @DefaultValue("5") int clockTaskMaxMultiplier) {

    /** The limits of one kind of creator; {@code openPerCreator} 0 means none. */
    public record Tier(int prizesPerLottery, int unitsPerPrize, long unitsPerLottery, int openPerCreator,
            int clockTaskMaxMultiplier) {
    }

    public Tier forUsers() {
        return new Tier(prizesPerLottery, unitsPerPrize, unitsPerLottery, openPerCreator, clockTaskMaxMultiplier);
    }

    /** Staff create for an owner who may already run many: only the size of the lottery is bounded. */
    public Tier forStaff() {
        return new Tier(staffPrizesPerLottery, staffUnitsPerPrize, staffUnitsPerLottery, 0, clockTaskMaxMultiplier);
    }

    /** Refuses a draft larger than {@code tier} allows, naming the limit. */
    static void requireWithin(LotteryDraft draft, Tier tier) {
        if (draft.prizes().size() > tier.prizesPerLottery()) {
            throw refusal(ErrorCode.TOO_MANY_PRIZES, "最多 %d 种奖品".formatted(tier.prizesPerLottery()));
        }
        long units = 0;
        for (PrizeDraft prize : draft.prizes()) {
            if (prize.count() > tier.unitsPerPrize()) {
                throw refusal(ErrorCode.PRIZE_UNITS_OVER_LIMIT, "每种奖品最多 %d 份".formatted(tier.unitsPerPrize()));
            }
            units += prize.count();
        }
        if (units > tier.unitsPerLottery()) {
            throw refusal(ErrorCode.LOTTERY_UNITS_OVER_LIMIT, "奖品总数最多 %d 份".formatted(tier.unitsPerLottery()));
        }
        ClockTaskDraft task = draft.clockTask();
        // neither the multiplier the draw would apply (LotteryDraws: increaseMultiple for chanceType 2, else 2) nor
        // the one the task states (lotteryDetail shows it) above the cap
        if (task != null && Math.max(task.chanceType() == 2 ? task.increaseMultiple() : 2, task.increaseMultiple())
                > tier.clockTaskMaxMultiplier()) {
            throw refusal(ErrorCode.CLOCK_TASK_MULTIPLIER_OVER_LIMIT,
                    "最多 %d 倍".formatted(tier.clockTaskMaxMultiplier()));
        }
    }

    static BusinessException openLotteriesRefusal(Tier tier) {
        return refusal(ErrorCode.OPEN_LOTTERIES_OVER_LIMIT, "最多同时进行 %d 个抽奖".formatted(tier.openPerCreator()));
    }

    private static BusinessException refusal(ErrorCode code, String limit) {
        return new BusinessException(code, code.message() + "（" + limit + "）");
    }
}
