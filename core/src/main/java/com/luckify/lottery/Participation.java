package com.luckify.lottery;

import java.time.Instant;

/** One of a user's entries, with the prize won, or the lottery's first prize as a cover when not won. */
public record Participation(long id, long lotteryId, long userId, boolean won, Instant createTime, Prize prize) {
}
