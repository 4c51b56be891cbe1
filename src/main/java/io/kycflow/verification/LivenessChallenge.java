package io.kycflow.verification;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The active challenge of a liveness step: {@code liveness_config.challenge}, with {@code random} drawn once per
 * session. The hosted page asks the person for it and the engine checks the burst for it, so both use this.
 */
public final class LivenessChallenge {

    public static final String NONE = "none";
    public static final String BLINK = "blink";
    public static final String HEAD_TURN = "head_turn";

    private LivenessChallenge() {
    }

    /** {@code none}, {@code blink} or {@code head_turn} (the same for a session after a reload). */
    public static String of(JsonNode livenessConfig, UUID sessionId) {
        var challenge = livenessConfig.path("challenge").asString("random");
        if (challenge.equals("random")) {
            return (sessionId.getLeastSignificantBits() & 1) == 0 ? BLINK : HEAD_TURN;
        }
        return challenge;
    }
}
