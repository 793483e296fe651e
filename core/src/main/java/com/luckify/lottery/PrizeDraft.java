package com.luckify.lottery;

/** A prize as its creator describes it. {@code winProbabilityPpm} null = the level's default odds. */
public record PrizeDraft(int type, String name, int count, String thumb, int level, int grantType,
        Integer winProbabilityPpm) {
}
