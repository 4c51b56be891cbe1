package io.kycflow.verification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a person signs in a digital-signature step: a text naming the session, so that a signature made for another
 * session or purpose does not verify (docs/integration/digital-signature.md). The hosted page shows it; the engine
 * verifies the signature over its UTF-8 bytes.
 */
public final class SigningChallenge {

    private SigningChallenge() {
    }

    public static String text(UUID sessionId) {
        return "kycflow digital signature for session " + sessionId;
    }

    public static byte[] bytes(UUID sessionId) {
        return text(sessionId).getBytes(StandardCharsets.UTF_8);
    }
}
