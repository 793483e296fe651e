package com.luckify.lottery;

import com.luckify.draw.Awards;
import com.luckify.draw.PrizeRun;
import java.util.List;

/**
 * What a draw needs besides the participants: the revealed seed, the prizes as runs of units in the order they
 * are handed out (a run per prize, whatever its size), and the weight of a participant who completed the
 * lottery's clock task (1 when there is none).
 */
public record DrawPlan(long lotteryId, byte[] seed, List<PrizeRun> prizes, int clockTaskWeight) {

    public DrawPlan {
        prizes = Awards.inOrder(prizes);
    }

    /** The units to give away: at most this many winners. */
    public long units() {
        return Awards.units(prizes);
    }
}
