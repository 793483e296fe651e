package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.util.List;

/**
 * Instant-win odds in parts per million. A prize without its own odds gets its level's band from the
 * original (level 1: 1%, 2: 4%, 3: 15%, 4: 30%, deeper levels never win instantly); together they may
 * not exceed certainty.
 */
final class InstantOdds {

    static final int CERTAIN = 1_000_000;
    private static final int[] LEVEL_DEFAULTS = {10_000, 40_000, 150_000, 300_000};

    private InstantOdds() {
    }

    static int of(PrizeDraft prize) {
        if (prize.winProbabilityPpm() != null) {
            return prize.winProbabilityPpm();
        }
        return prize.level() >= 1 && prize.level() <= LEVEL_DEFAULTS.length ? LEVEL_DEFAULTS[prize.level() - 1] : 0;
    }

    static void requireAtMostCertain(List<PrizeDraft> prizes) {
        long total = prizes.stream().mapToLong(InstantOdds::of).sum();
        if (total > CERTAIN) {
            throw BusinessException.of(ErrorCode.ODDS_OVER_LIMIT);
        }
    }
}
