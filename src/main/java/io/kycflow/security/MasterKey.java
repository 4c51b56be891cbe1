package io.kycflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's master key (32 random bytes; {@code KYCFLOW_MASTER_KEY}, base64). It is never used as is: each use
 * gets its own subkey, derived with HKDF-SHA256 (RFC 5869, expand step: the master key is already uniformly random,
 * so it serves as the pseudorandom key) with a purpose string as the info, e.g. "kycflow media encryption v1". A
 * subkey reveals nothing about the master key or about the other subkeys.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException in our words, never quoting the value */
    public static MasterKey fromBase64(String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            try {
                key = Base64.getUrlDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException notUrlSafeEither) {
                throw new IllegalArgumentException("it is not base64");
            }
        }
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("it decodes to " + key.length + " bytes instead of " + LENGTH);
        }
        return new MasterKey(key);
    }

    /** Authenticated encryption under this key's subkey for {@code purpose}. */
    public SecretBox secretBox(String purpose) {
        return new SecretBox(derive(purpose));
    }

    /** HMAC-SHA256 under this key's subkey for {@code purpose}. */
    public MessageSigner signer(String purpose) {
        return new MessageSigner(derive(purpose));
    }

    /**
     * A short, non-secret label of the key (16 hex digits of its own subkey), for telling keys apart in data and in
     * error messages.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(derive("kycflow key fingerprint v1"), 0, 8);
    }

    /** HKDF-Expand(PRK = master key, info = purpose, L = 32): a single block, T(1) = HMAC(PRK, info || 0x01). */
    private byte[] derive(String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && java.security.MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[" + fingerprint() + "]"; // never the key
    }
}
