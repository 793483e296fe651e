package com.luckify.lottery;

import com.luckify.draw.DrawAlgorithm;
import java.time.Instant;

/**
 * What the public may know of a draw: the seed's SHA-256 from publication on; the seed itself, the
 * algorithm and the participant digest only once the draw is done. A drawn record whose algorithm is not one a
 * verifier can recompute (the demo data's {@code DEMO_HAND_PICKED}: winners chosen by hand) never reveals its seed:
 * a seed that does not produce the winners would only make an honest check conclude the draw was rigged.
 */
public record DrawProof(String seedHash, String state, String revealedSeed, String algorithm, Integer algorithmVersion,
        Integer participantCount, String participantsDigest, Instant drawnTime) {

    public DrawProof {
        if (!verifiable(state, algorithm, algorithmVersion)) {
            revealedSeed = null;
        }
    }

    /** Whether the draw is done. */
    public boolean drawn() {
        return "DRAWN".equals(state);
    }

    /**
     * Whether anyone can recompute the winners: true for a draw to come (the draw job uses the current algorithm)
     * and for a draw done by an algorithm {@link DrawAlgorithm#specifies specified} for verifiers.
     */
    public boolean verifiable() {
        return verifiable(state, algorithm, algorithmVersion);
    }

    private static boolean verifiable(String state, String algorithm, Integer version) {
        return !"DRAWN".equals(state) || (version != null && DrawAlgorithm.specifies(algorithm, version));
    }
}
