package com.luckify.lottery;

/** A drawn prize's books: units offered, units left, winners recorded; consistent when count - stock = winners. */
public record PrizeTally(long prizeId, long lotteryId, int count, int stock, int winners) {

    public boolean consistent() {
        return count - stock == winners;
    }
}
