package com.luckify.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of the participant list a draw saw, published with the result: participants in ascending user
 * id, one line {@code <userId>:<weight>\n} each, hashed in blocks of {@value #BLOCK} lines as a chain
 * {@code d = SHA-256(d || block)} starting from 32 zero bytes. Its {@link State} (chain value and the lines
 * of the block under way) can be saved between chunks and resumed after a restart.
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

    /** Continues from a saved state. */
    public static ParticipantDigest resume(State state) {
        ParticipantDigest digest = new ParticipantDigest(HexFormat.of().parseHex(state.chainHex()));
        digest.block.append(state.pending());
        digest.lines = state.pendingLines();
        digest.lastUserId = state.lastUserId();
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

    /** Everything needed to go on later: the chain value and the block under way. */
    public State state() {
        return new State(HexFormat.of().formatHex(chain), block.toString(), lines, lastUserId);
    }

    /** The digest of everything added: the last, partial block included. */
    public String finish() {
        if (lines > 0) {
            flush();
        }
        return HexFormat.of().formatHex(chain);
    }

    /** A digest in progress, as saved between chunks. */
    public record State(String chainHex, String pending, int pendingLines, long lastUserId) {
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
