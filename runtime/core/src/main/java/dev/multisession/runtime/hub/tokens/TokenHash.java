package dev.multisession.runtime.hub.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Creates terminal and admin tokens and the hashes that are stored in their place; every token
 * store (the token file, the hub database) and the admin check use it.
 *
 * <p>A token carries 256 random bits, so a single SHA-256 is enough: a slow password hash
 * (PBKDF2, bcrypt) only protects low-entropy secrets against guessing, and guessing a
 * 256-bit value is hopeless with or without it. A fast hash keeps every upgrade cheap.
 */
public final class TokenHash {

    /** Marks a string as a multisession terminal token, which helps secret scanners. */
    public static final String PREFIX = "mst_";

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TokenHash() {}

    /** A fresh token in clear text: the prefix and 256 random bits, base64url without padding. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token's UTF-8 bytes, as lowercase hex. */
    public static String hash(String token) {
        return HEX.formatHex(digest(token));
    }

    /** Whether {@code token} hashes to {@code storedHash}, compared in constant time. */
    public static boolean matches(String token, String storedHash) {
        byte[] expected;
        try {
            expected = HEX.parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(token), expected);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
