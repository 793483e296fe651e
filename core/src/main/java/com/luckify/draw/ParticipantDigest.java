package com.luckify.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of the participant list a draw saw, published with the result: participants in ascending user
 * id, one line {@code <userId>:<weight>\n} each, hashed in blocks of {@value #BLOCK} lines as a chain
 * {@code d = SHA-256(d || block)} starting from 32 zero bytes. The chain value after each full block is all
 * the state there is, so a draw read in chunks of {@value #BLOCK} can save it and go on after a restart.
 */
public final class ParticipantDigest {

    public static final int BLOCK = 1000;

    private byte[] chain;
    private final StringBuilder block = new StringBuilder();
    private int lines;
    private long lastUserId = Long.MIN_VALUE;

    public ParticipantDigest() {
        this(new byte[32]);
    }

    private ParticipantDigest(byte[] chain) {
        this.chain = chain;
    }

    /** Continues from a saved chain value, at a block boundary. */
    public static ParticipantDigest resume(String chainHex, long lastUserId) {
        ParticipantDigest digest = new ParticipantDigest(HexFormat.of().parseHex(chainHex));
        digest.lastUserId = lastUserId;
        return digest;
    }

    public void add(Entrant entrant) {
        if (entrant.userId() <= lastUserId) {
            throw new IllegalArgumentException("participants must come in ascending user id: " + entrant.userId()
                    + " after " + lastUserId);
        }
        lastUserId = entrant.userId();
        block.append(entrant.userId()).append(':').append(entrant.weight()).append('\n');
        if (++lines == BLOCK) {
            flush();
        }
    }

    /** The chain value; only meaningful at a block boundary (for saving) or at the end. */
    public String chainHex() {
        if (lines != 0) {
            throw new IllegalStateException("the digest is saved at block boundaries only");
        }
        return HexFormat.of().formatHex(chain);
    }

    public long lastUserId() {
        return lastUserId;
    }

    /** The digest of everything added: the last, partial block included. */
    public String finish() {
        if (lines > 0) {
            flush();
        }
        return HexFormat.of().formatHex(chain);
    }

    private void flush() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(chain);
            sha256.update(block.toString().getBytes(StandardCharsets.US_ASCII));
            chain = sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        block.setLength(0);
        lines = 0;
    }
}
