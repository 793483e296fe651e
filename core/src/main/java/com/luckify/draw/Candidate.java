package com.luckify.draw;

/**
 * A participant who may win, with their key in {@link DrawAlgorithm#sortable sortable} form: what the draw job
 * keeps in the database so that it can rank there.
 */
public record Candidate(long userId, int weight, long sortableKey) {
}
