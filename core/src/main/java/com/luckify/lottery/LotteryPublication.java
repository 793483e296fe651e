package com.luckify.lottery;

import org.springframework.stereotype.Component;

/**
 * What a lottery needs from the moment it is published, whether at creation or later from the admin console:
 * its secret draw seed, sealed (by time or count, the hash is public from now on) or its instant-win hot state.
 */
@Component
class LotteryPublication {

    private final DrawSeeds seeds;
    private final InstantWinService instantWin;

    LotteryPublication(DrawSeeds seeds, InstantWinService instantWin) {
        this.seeds = seeds;
        this.instantWin = instantWin;
    }

    /** Runs in the publishing transaction: if Redis cannot take the hot state, the lottery stays unpublished. */
    void prepare(long lotteryId, int announceType) {
        if (announceType == AnnounceType.INSTANT) {
            instantWin.rebuildHotState(lotteryId);
        } else {
            seeds.createFor(lotteryId);
        }
    }
}
