package com.luckify.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Hands the prize units to the winners: best key first, first prize (lowest level, then lowest id) first. */
public final class Awards {

    private Awards() {
    }

    public static List<Award> assign(List<Entrant> winnersBestFirst, List<PrizeUnit> units) {
        List<PrizeUnit> ordered = new ArrayList<>(units);
        ordered.sort(Comparator.comparingInt(PrizeUnit::level).thenComparingLong(PrizeUnit::prizeId));
        int n = Math.min(winnersBestFirst.size(), ordered.size());
        List<Award> awards = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            awards.add(new Award(winnersBestFirst.get(i).userId(), ordered.get(i).prizeId()));
        }
        return awards;
    }
}
