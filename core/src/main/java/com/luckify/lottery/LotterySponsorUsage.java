package com.luckify.lottery;

import com.luckify.sponsor.SponsorUsage;
import org.springframework.stereotype.Component;

/** A lottery is live until it is announced or cancelled; its sponsor must stay until then. */
@Component
class LotterySponsorUsage implements SponsorUsage {

    private final LotteryMapper lotteries;

    LotterySponsorUsage(LotteryMapper lotteries) {
        this.lotteries = lotteries;
    }

    @Override
    public boolean isUsedByLiveLottery(long sponsorId) {
        return lotteries.countLiveBySponsor(sponsorId) > 0;
    }
}
