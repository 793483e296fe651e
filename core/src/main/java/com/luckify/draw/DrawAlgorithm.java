package com.luckify.draw;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw, as a pure function of the revealed seed and the participants (documented in
 * {@code batch-jobs/README.md}, "The draw algorithm"). Weighted sampling without replacement after
 * Efraimidis and Spirakis: each participant gets the key {@code ln(u) / weight}, where {@code u} in (0, 1]
 * comes from HMAC-SHA256(seed, userId); the K highest keys win, the highest first. Keys use
 * {@link StrictMath#log}, so every JVM computes the same bits.
 */
public final class DrawAlgorithm {

    public static final String NAME = "weighted-top-k/hmac-sha256";
    public static final int VERSION = 1;

    private final Mac mac;

    /**
     * Whether a draw recorded with this algorithm name and version is one the specification describes (so a verifier
     * can recompute it). A later change of the algorithm gets a new version, and old draws keep theirs: verifiers
     * dispatch on both and refuse what they do not know.
     */
    public static boolean specifies(String algorithm, int version) {
        return NAME.equals(algorithm) && version == VERSION;
    }

    public DrawAlgorithm(byte[] seed) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /**
     * {@code u}: the first 8 bytes of HMAC-SHA256(seed, userId as 8 bytes big-endian), their top 53 bits
     * plus one, divided by 2^53, so 0 &lt; u &le; 1 and exactly representable as a double.
     */
    public double uniform(long userId) {
        byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
        long bits = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        return ((bits >>> 11) + 1) * 0x1.0p-53;
    }

    /** The participant's key: the higher, the earlier they win. */
    public double key(Entrant entrant) {
        return StrictMath.log(uniform(entrant.userId())) / entrant.weight();
    }

    /** The participant's key as {@link #sortable(double)} gives it, for ranking outside Java. */
    public long sortableKey(Entrant entrant) {
        return sortable(key(entrant));
    }

    /**
     * A key as a signed 64-bit integer that orders exactly as {@link Double#compare} orders the keys, so that a
     * database can rank participants by integer comparison: no rounding on the way, and equal keys stay equal.
     * The IEEE 754 bits of a non-negative double already order as signed integers; those of a negative double
     * order backwards, so all but the sign bit are flipped.
     */
    public static long sortable(double key) {
        long bits = Double.doubleToLongBits(key);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }
}
