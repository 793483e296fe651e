package com.luckify.lottery;

import com.luckify.common.EventTrace;

/**
 * An instant attempt Redis admitted: {@code reserved} is the prize whose unit it reserved, or 0; {@code trace} is
 * the request's, which its events carry (they are written on the group commit's thread, outside the request's span).
 */
record InstantAttempt(long lotteryId, long userId, long reserved, EventTrace trace) {
}
