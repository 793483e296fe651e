package com.luckify.lottery;

/** A participant's result in a drawn lottery: won or not, and the prize's name when won. */
public record DrawResult(long userId, boolean won, String prizeName) {
}
