package com.luckify.lottery;

import com.luckify.sponsor.Sponsor;
import java.util.List;

/**
 * The detail page: the lottery, its prizes with stock, sponsor, clock task, draw proof, the caller's state,
 * and once the lottery is announced its winners.
 */
public record LotteryDetail(Lottery lottery, List<Prize> prizes, Sponsor sponsor, ClockTask clockTask, DrawProof draw,
        CallerState caller, long participantCount, List<PrizeWinners> winners) {
}
