package io.kycflow.verification.internal.face;

/**
 * The passive anti-spoof model's live probability mapped onto the scale {@code liveness_config.threshold} speaks, as
 * {@link Similarity} does for faces: piecewise linear, raw {@value #RAW_AT_DEFAULT} ↦ the default threshold 0.8, raw
 * 0 ↦ 0 and raw 1 ↦ 1. So the default means "raw ≥ {@value #RAW_AT_DEFAULT}", and any threshold t means raw ≥
 * {@link #toRaw}(t) (0.5 → 0.28, 0.9 → 0.73).
 *
 * <p>Why {@value #RAW_AT_DEFAULT}: on the evaluation set (docs/models.md, "Liveness calibration") it passed 15 of 17
 * live bursts' medians and refused 16 of 17 simulated screen replays and 16 of 17 simulated prints in one draw; raw
 * 0.8, the former default, passed 8 of 17. The set is small and simulated, and several genuine faces sit near this
 * point: a measured choice, not a certified rate.
 */
final class PassiveScore {

    static final double RAW_AT_DEFAULT = 0.45;
    static final double DEFAULT_THRESHOLD = 0.8;

    static double calibrated(double raw) {
        double r = Math.max(0, Math.min(1, raw));
        return r <= RAW_AT_DEFAULT
                ? r / RAW_AT_DEFAULT * DEFAULT_THRESHOLD
                : DEFAULT_THRESHOLD + (r - RAW_AT_DEFAULT) / (1 - RAW_AT_DEFAULT) * (1 - DEFAULT_THRESHOLD);
    }

    static double toRaw(double threshold) {
        double t = Math.max(0, Math.min(1, threshold));
        return t <= DEFAULT_THRESHOLD
                ? t / DEFAULT_THRESHOLD * RAW_AT_DEFAULT
                : RAW_AT_DEFAULT + (t - DEFAULT_THRESHOLD) / (1 - DEFAULT_THRESHOLD) * (1 - RAW_AT_DEFAULT);
    }

    private PassiveScore() {
    }
}
