package com.luckify.lottery;

/**
 * One prize in the finance report for a period: what was offered, how many were won (issued), claimed, still
 * claimable, and expired unclaimed, and what stock is left; grouped in the report by sponsor and lottery.
 */
public record PrizeStatementRow(long sponsorId, String sponsorName, long lotteryId, String lotteryName, long prizeId,
        int prizeType, int prizeLevel, String prizeName, long offered, long issued, long claimed, long unclaimed,
        long expired, long remaining) {
}
