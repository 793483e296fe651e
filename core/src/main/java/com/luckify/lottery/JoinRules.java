package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.time.Instant;

/** Why a lottery cannot be joined now, each reason with its own code. */
final class JoinRules {

    private JoinRules() {
    }

    static void requireOpen(Lottery lottery, Instant now) {
        if (lottery == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        if (lottery.publishTime() == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_PUBLISHED);
        }
        if (lottery.cancelledAt() != null) {
            throw BusinessException.of(ErrorCode.LOTTERY_CANCELLED);
        }
        if (lottery.isAnnounced() == 1) {
            throw BusinessException.of(ErrorCode.LOTTERY_ANNOUNCED);
        }
        if (!lottery.announceTime().isAfter(now)) {
            throw BusinessException.of(ErrorCode.LOTTERY_CLOSED);
        }
        if (lottery.announceType() == AnnounceType.BY_PARTICIPANTS && lottery.participantCount() >= lottery.joinNumber()) {
            throw BusinessException.of(ErrorCode.LOTTERY_FULL);
        }
    }
}
