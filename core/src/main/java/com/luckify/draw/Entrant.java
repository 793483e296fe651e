package com.luckify.draw;

/** A participant as the draw sees it: the user and the weight of their ticket (1, more after the clock task). */
public record Entrant(long userId, int weight) {

    public Entrant {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, was " + weight);
        }
    }
}
