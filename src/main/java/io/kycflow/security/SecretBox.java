package io.kycflow.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per message. Sealed form: {@code version (1) || nonce (12) || ciphertext
 * || tag (16)}. The caller's associated data (e.g. the id the data is stored under) is authenticated, not stored:
 * a message opened with other associated data, under another key or altered in any byte fails to open.
 */
public final class SecretBox {

    /** Bytes a sealed message has beyond its plaintext. */
    public static final int OVERHEAD = 1 + 12 + 16;

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        var sealed = new byte[OVERHEAD + plaintext.length];
        sealed[0] = VERSION;
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(sealed, 0, 1); // the version byte is authenticated too
            cipher.updateAAD(associatedData);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws CannotOpen when the key, the associated data or any byte differs from when it was sealed */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < OVERHEAD || sealed[0] != VERSION) {
            throw new CannotOpen("not a sealed message of a known version");
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(sealed, 0, 1);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new CannotOpen("authentication failed: another key, other associated data or altered bytes");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A sealed message that does not open; says why in general terms only. */
    public static final class CannotOpen extends RuntimeException {

        CannotOpen(String message) {
            super(message, null, false, false);
        }
    }
}
