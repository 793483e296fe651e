package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Winners claim their prizes: once per win (the database's unique key), only for a win (the claim references the
 * participation with its prize), and only before the lottery's award deadline.
 */
@Service
public class PrizeClaimService {

    private final LotteryMapper lotteries;
    private final PrizeClaimMapper claims;
    private final LockRetry lockRetry;
    private final Clock clock;

    PrizeClaimService(LotteryMapper lotteries, PrizeClaimMapper claims, LockRetry lockRetry, Clock clock) {
        this.lotteries = lotteries;
        this.claims = claims;
        this.lockRetry = lockRetry;
        this.clock = clock;
    }

    public void claim(long userId, long lotteryId, ClaimContact contact) {
        Lottery lottery = lotteries.findLottery(lotteryId);
        if (lottery == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        PrizeClaimMapper.WinRow win = claims.win(lotteryId, userId);
        if (win == null) {
            throw BusinessException.of(ErrorCode.PRIZE_NOT_WON);
        }
        if (!clock.instant().isBefore(lottery.awardDeadline())) {
            throw BusinessException.of(ErrorCode.PRIZE_CLAIM_CLOSED);
        }
        try {
            // a duplicate waits on the first claim's key, then meets it; a lock contest lost on the way runs again
            lockRetry.inTransactionWithoutResult(status -> claims.insert(win, contact));
        } catch (DuplicateKeyException e) {
            throw BusinessException.of(ErrorCode.PRIZE_ALREADY_CLAIMED);
        }
    }

    /**
     * Wins not claimed yet whose deadline is still ahead and at most {@code until}, after {@code afterId}, in
     * participation order.
     */
    public List<UnclaimedWin> unclaimedWinsClosing(Instant until, long afterId, int limit) {
        return claims.unclaimedWins(clock.instant(), until, afterId, limit);
    }
}
