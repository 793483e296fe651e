package com.luckify.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt for every password we store. The Go system stored unsalted MD5 hex; such an imported hash is
 * accepted once and {@link #needsUpgrade needs an upgrade} to BCrypt on that login.
 */
@Component
class PasswordHasher {

    private static final Pattern LEGACY_MD5 = Pattern.compile("[0-9a-f]{32}");

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /** Compared against when the user does not exist, so both answers take the same time. */
    private final String decoy = bcrypt.encode("decoy-password-never-matches");

    String hash(String rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    /** {@code stored} is null for a user that does not exist: still one BCrypt check of work. */
    boolean matches(String rawPassword, String stored) {
        if (stored == null || stored.isEmpty()) {
            bcrypt.matches(rawPassword, decoy);
            return false;
        }
        if (isLegacy(stored)) {
            byte[] actual = md5Hex(rawPassword).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(actual, stored.getBytes(StandardCharsets.US_ASCII));
        }
        return bcrypt.matches(rawPassword, stored);
    }

    boolean needsUpgrade(String stored) {
        return isLegacy(stored);
    }

    private static boolean isLegacy(String stored) {
        return LEGACY_MD5.matcher(stored).matches();
    }

    private static String md5Hex(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
