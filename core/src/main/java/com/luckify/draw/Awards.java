package com.luckify.draw;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Hands the prize units to the winners: best key first, first prize (lowest level, then lowest id) first. Works
 * on runs of units, so the prizes' sizes cost nothing: {@link #places} says which places win which prize, and
 * whoever ranks the winners (the verifier in memory, the draw job in the database) applies it.
 */
public final class Awards {

    private static final Comparator<PrizeRun> UNIT_ORDER = Comparator.comparingInt(PrizeRun::level)
            .thenComparingLong(PrizeRun::prizeId);

    private Awards() {
    }

    /** The runs in the order their units are handed out; runs without units are left out. */
    public static List<PrizeRun> inOrder(Collection<PrizeRun> runs) {
        return runs.stream().filter(run -> run.count() > 0).sorted(UNIT_ORDER).toList();
    }

    /** The number of units of all runs. */
    public static long units(Collection<PrizeRun> runs) {
        return runs.stream().mapToLong(PrizeRun::count).sum();
    }

    /**
     * Which places win which prize when there are {@code winners} winners, in place order: the first run's units
     * go to places 1, 2, ..., the next run's after them. Units beyond the last winner are not given.
     */
    public static List<PrizePlaces> places(Collection<PrizeRun> runs, long winners) {
        List<PrizePlaces> places = new ArrayList<>();
        long next = 1;
        for (PrizeRun run : inOrder(runs)) {
            if (next > winners) {
                break;
            }
            long last = Math.min(winners, next + run.count() - 1);
            places.add(new PrizePlaces(run.prizeId(), next, last));
            next = last + 1;
        }
        return places;
    }

    /** The winners, best first, with their prizes: one award per winner while units last. */
    public static List<Award> assign(List<Entrant> winnersBestFirst, Collection<PrizeRun> runs) {
        List<Award> awards = new ArrayList<>();
        for (PrizePlaces prize : places(runs, winnersBestFirst.size())) {
            for (long place = prize.firstPlace(); place <= prize.lastPlace(); place++) {
                awards.add(new Award(winnersBestFirst.get((int) place - 1).userId(), prize.prizeId()));
            }
        }
        return awards;
    }
}
