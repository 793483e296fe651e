package com.luckify.lottery;

import java.time.Instant;

/** A prize won and not claimed yet, for the claim-deadline reminders. */
public record UnclaimedWin(long participationId, long userId, long lotteryId, String lotteryName, String prizeName,
        Instant awardDeadline) {
}
