package com.luckify.lottery;

/** Where a lottery stands, as the admin console filters and shows it. */
public enum LotteryState {
    /** Not published: a test lottery nobody else sees. */
    DRAFT,
    /** Published and open (or waiting for its draw). */
    LIVE,
    ANNOUNCED,
    CANCELLED;

    public static LotteryState of(Lottery lottery) {
        if (lottery.cancelledAt() != null) {
            return CANCELLED;
        }
        if (lottery.isAnnounced() == 1) {
            return ANNOUNCED;
        }
        return lottery.publishTime() == null ? DRAFT : LIVE;
    }
}
