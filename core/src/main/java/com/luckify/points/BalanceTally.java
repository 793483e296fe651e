package com.luckify.points;

/** A user's wish-value balance next to the sum of their ledger; they must be equal. */
public record BalanceTally(long userId, long balance, long ledgerSum) {
}
