package com.luckify.lottery;

import java.time.Instant;

/**
 * What an auditor needs to check a draw: the lottery and its sponsor, when it was published (and its seed hash
 * with it), the seed revealed at the draw, the participant list's size and digest, the algorithm, and the job
 * execution that drew it.
 */
public record DrawAuditHeader(long lotteryId, String name, String sponsorName, Instant publishTime,
        Instant announcedTime, String drawState, String seedHash, String revealedSeed, Integer participantCount,
        String participantsDigest, String algorithm, Integer algorithmVersion, Integer winnerCount,
        Long jobExecutionId, Instant drawnTime) {
}
