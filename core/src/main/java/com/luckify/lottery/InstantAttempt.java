package com.luckify.lottery;

/** An instant attempt Redis admitted: {@code reserved} is the prize whose unit it reserved, or 0. */
record InstantAttempt(long lotteryId, long userId, long reserved) {
}
