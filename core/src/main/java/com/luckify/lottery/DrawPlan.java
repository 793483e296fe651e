package com.luckify.lottery;

import com.luckify.draw.PrizeUnit;
import java.util.List;

/**
 * What a draw needs besides the participants: the revealed seed, one entry per prize unit to give away, and
 * the weight of a participant who completed the lottery's clock task (1 when there is none).
 */
public record DrawPlan(long lotteryId, byte[] seed, List<PrizeUnit> units, int clockTaskWeight) {
}
