package com.luckify.sponsor;

/** Asked before a sponsor is deleted; implemented by the feature that owns lotteries. */
public interface SponsorUsage {

    /** Whether a published or test lottery that has not ended yet shows this sponsor. */
    boolean isUsedByLiveLottery(long sponsorId);
}
