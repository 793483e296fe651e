package com.luckify.lottery;

/** One winner in a draw audit: the prize, and the user by id and masked nickname. */
public record AuditedWinner(long participationId, int prizeLevel, String prizeName, long userId, String maskedName) {
}
