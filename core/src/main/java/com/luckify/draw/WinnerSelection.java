package com.luckify.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the K best participants seen so far, whatever their number, in memory proportional to K: participants
 * can be offered in chunks, and the state saved between chunks and restored. The verifier uses it with K = the
 * winners; the draw job, which ranks in the database, only to skip writing participants who can no longer win
 * when K is small ({@code batch-jobs/README.md}, {@code drawJob}).
 */
public final class WinnerSelection {

    /** Best first: higher key, then lower user id (a tie of 53-bit keys is all but impossible). */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::key).reversed()
            .thenComparingLong(s -> s.entrant().userId());

    private final DrawAlgorithm algorithm;
    private final int places;
    // worst on top, so the weakest of the K leaves when a better one comes
    private final PriorityQueue<Scored> best = new PriorityQueue<>(BEST_FIRST.reversed());

    public WinnerSelection(DrawAlgorithm algorithm, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must not be negative");
        }
        this.algorithm = algorithm;
        this.places = places;
    }

    /**
     * Offers a participant; true when they are among the K best so far. A participant refused here can never win:
     * the K-th best key only gets better as more participants come.
     */
    public boolean offer(Entrant entrant) {
        if (places == 0) {
            return false;
        }
        Scored scored = new Scored(entrant, algorithm.key(entrant));
        if (best.size() < places) {
            best.add(scored);
            return true;
        }
        if (BEST_FIRST.compare(scored, best.peek()) < 0) {
            best.poll();
            best.add(scored);
            return true;
        }
        return false;
    }

    /** The selected participants, best first: the first gets the first prize unit. */
    public List<Entrant> winners() {
        List<Scored> sorted = new ArrayList<>(best);
        sorted.sort(BEST_FIRST);
        return sorted.stream().map(Scored::entrant).toList();
    }

    /** What to save between chunks; offering them to a new selection restores this one. */
    public List<Entrant> state() {
        return winners();
    }

    private record Scored(Entrant entrant, double key) {
    }
}
