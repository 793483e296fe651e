package com.luckify.draw;

/** One unit of a prize to give away; units are handed out in (level, prize id) order. */
public record PrizeUnit(long prizeId, int level) {
}
