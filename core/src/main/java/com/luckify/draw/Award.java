package com.luckify.draw;

/** A winner and the prize they get. */
public record Award(long userId, long prizeId) {
}
