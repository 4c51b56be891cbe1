package io.kycflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Organization and flow API keys: 48 URL-safe random characters (288 bits). Only a SHA-256 lookup hash is
 * indexed, so finding the owner of a presented key never needs the plain key in an index, and the final
 * comparison is constant-time.
 */
public final class ApiKeys {

    private static final int KEY_BYTES = 36; // 36 bytes -> 48 base64url characters, >= 47 as integrators expect
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_KEY_LENGTH = 256;

    private ApiKeys() {
    }

    public static String generate() {
        var bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Hex SHA-256 of the key, used as the indexed lookup column. */
    public static String lookupHash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Constant-time comparison of a presented key with the stored lookup hash. */
    public static boolean matches(String presentedKey, String storedLookupHash) {
        return sameHash(lookupHash(presentedKey), storedLookupHash);
    }

    /** Constant-time comparison of an already computed lookup hash with the stored one. */
    public static boolean sameHash(String computedLookupHash, String storedLookupHash) {
        return MessageDigest.isEqual(computedLookupHash.getBytes(StandardCharsets.US_ASCII),
                storedLookupHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A short non-secret label of a key for audit trails (first 8 hex digits of its hash). */
    public static String fingerprint(String key) {
        return lookupHash(key).substring(0, 8);
    }

    /** Cheap shape check before any hashing or database work: hostile input is refused early. */
    public static boolean plausible(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!urlSafe) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
