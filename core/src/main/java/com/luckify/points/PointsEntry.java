package com.luckify.points;

import java.time.Instant;

/** One line of a user's points ledger: the signed change and the balance it left. */
public record PointsEntry(long id, long delta, long balanceAfter, String reason, String content, Instant createTime) {
}
