package io.kycflow.cabinet.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30 s
 * steps from the Unix epoch, 6 digits. A code is accepted for its own step and one either side (clock drift), and
 * only for a step after the last one used, so each code works once.
 */
final class Totp {

    static final int SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends
    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int WINDOW = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    static byte[] newSecret() {
        var secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step}, zero-padded to {@link #DIGITS}. */
    static String code(byte[] secret, long step) {
        return code(secret, step, "HmacSHA1", DIGITS);
    }

    /** RFC 4226 section 5.3 with the RFC 6238 variants (other MACs and lengths, for the RFC's test vectors). */
    static String code(byte[] secret, long step, String algorithm, int digits) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            var text = Integer.toString(binary % (int) Math.pow(10, digits));
            return "0".repeat(digits - text.length()) + text;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * The step whose code {@code code} is, within the window around {@code now} and after {@code lastUsedStep};
     * empty when it matches none. The caller stores the step as used (atomically) before accepting.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
        var typed = code.replace(" ", "").strip();
        if (typed.length() != DIGITS || !typed.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        var current = step(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(code(secret, step).getBytes(), typed.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// URI authenticator apps read from the QR code (Key Uri Format). */
    static String uri(String issuer, String account, byte[] secret) {
        var label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
