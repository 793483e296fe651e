package com.luckify.draw;

/**
 * The places (1 = the best key) that win one prize: {@code firstPlace} to {@code lastPlace}, both included.
 */
public record PrizePlaces(long prizeId, long firstPlace, long lastPlace) {

    /** How many units of the prize these places take. */
    public long units() {
        return lastPlace - firstPlace + 1;
    }
}
