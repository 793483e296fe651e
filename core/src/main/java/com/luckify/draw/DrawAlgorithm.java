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
}
