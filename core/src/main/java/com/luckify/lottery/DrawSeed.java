package com.luckify.lottery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a scheduled draw will use, fixed when the lottery is published. Its SHA-256 is shown from then
 * on, so nobody (operators included) can pick a seed after seeing who joined.
 */
record DrawSeed(byte[] seed, String sha256Hex) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static DrawSeed generate() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return new DrawSeed(seed, sha256Hex(seed));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
