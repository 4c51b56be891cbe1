package io.kycflow.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a subkey of the {@link MasterKey}; verification compares in constant time. Each thread signs
 * with its own copy of a keyed {@link Mac}: looking the algorithm up and keying it per call cost several µs, and the
 * session group commit's single writer hashes every new session's metadata values (session.internal.MetadataIndex).
 */
public final class MessageSigner {

    private final Mac keyed;
    private final ThreadLocal<Mac> macs;

    MessageSigner(byte[] key) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        macs = ThreadLocal.withInitial(this::copy);
    }

    private Mac copy() {
        try {
            synchronized (keyed) {
                return (Mac) keyed.clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    public byte[] sign(byte[] message) {
        return macs.get().doFinal(message); // doFinal leaves the Mac keyed and ready for the next message
    }

    public boolean verify(byte[] message, byte[] signature) {
        return MessageDigest.isEqual(sign(message), signature);
    }
}
