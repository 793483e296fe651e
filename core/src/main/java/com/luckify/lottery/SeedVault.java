package com.luckify.lottery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a draw seed so that the database alone does not reveal it before the draw: AES-256-GCM under a key from
 * configuration, with the lottery id and key id as associated data, so a sealed seed copied onto another lottery
 * or relabelled with another key fails to open instead of opening as somebody else's seed.
 */
final class SeedVault {

    /** What a sealed seed is stored as: the nonce, the 32 encrypted bytes and the tag (60 bytes). */
    record Sealed(String keyId, byte[] bytes) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    SeedVault(String currentKey, List<String> retiredKeys) {
        if (currentKey == null || currentKey.isBlank()) {
            throw new IllegalStateException("luckify.draw.seed-key is not set (LUCKIFY_DRAW_SEED_KEY: <id>:<base64 of 32 "
                    + "random bytes>, e.g. \"k1:$(openssl rand -base64 32)\"); draw seeds are sealed with it until the draw");
        }
        currentId = add(currentKey);
        for (String retired : retiredKeys) {
            add(retired);
        }
    }

    static SeedVault of(DrawSeedKeys keys) {
        return new SeedVault(keys.seedKey(), keys.retiredSeedKeys());
    }

    String currentKeyId() {
        return currentId;
    }

    boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    Sealed seal(long lotteryId, byte[] seed) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, currentId, nonce, lotteryId);
            byte[] sealed = cipher.doFinal(seed);
            return new Sealed(currentId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** The seed; fails when the key is not configured any more or the sealed bytes are not this lottery's. */
    byte[] open(long lotteryId, String keyId, byte[] sealed) {
        if (!knows(keyId)) {
            throw new IllegalStateException("the draw seed of lottery " + lotteryId + " is sealed with key '" + keyId
                    + "', which is neither luckify.draw.seed-key nor one of luckify.draw.retired-seed-keys");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, Arrays.copyOf(sealed, NONCE_BYTES), lotteryId);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed draw seed of lottery " + lotteryId + " does not open with key '"
                    + keyId + "': altered, moved from another lottery, or a different key under that id", e);
        }
    }

    private Cipher cipher(int mode, String keyId, byte[] nonce, long lotteryId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("luckify-draw-seed:" + lotteryId + ":" + keyId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private String add(String idAndKey) {
        int colon = idAndKey.indexOf(':');
        if (colon <= 0 || colon > 32) {
            throw new IllegalStateException("a draw seed key is <id>:<base64 of 32 bytes>, with an id of 1 to 32 characters");
        }
        String id = idAndKey.substring(0, colon).trim();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(idAndKey.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the draw seed key '" + id + "' is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("the draw seed key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
        }
        if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
            throw new IllegalStateException("two draw seed keys have the id '" + id + "'");
        }
        return id;
    }
}
