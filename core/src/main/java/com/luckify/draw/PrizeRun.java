package com.luckify.draw;

/**
 * The units of one prize to give away: {@code count} of them, all alike. A draw hands out runs in (level, prize
 * id) order, the units of one run consecutively, so a prize of a million units is one object, not a million.
 */
public record PrizeRun(long prizeId, int level, long count) {

    public PrizeRun {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }
}
