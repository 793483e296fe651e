package com.luckify.lottery;

import java.time.Instant;

/**
 * What the public may know of a draw: the seed's SHA-256 from publication on; the seed itself, the
 * algorithm and the participant digest only once the draw is done.
 */
public record DrawProof(String seedHash, String state, String revealedSeed, String algorithm, Integer algorithmVersion,
        Integer participantCount, String participantsDigest, Instant drawnTime) {
}
