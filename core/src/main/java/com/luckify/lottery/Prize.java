package com.luckify.lottery;

/** A prize with its remaining {@code stock}; {@code winProbabilityPpm} is the effective instant-win odds. */
public record Prize(long id, long lotteryId, int type, String name, int count, int stock, String thumb, int level,
        int grantType, int winProbabilityPpm) {
}
