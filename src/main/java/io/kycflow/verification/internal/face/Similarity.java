package io.kycflow.verification.internal.face;

/**
 * The face-to-face similarity in [0, 1] that {@code face2face_config.threshold} (default 0.85) is compared with,
 * mapped from the descriptors' cosine by a piecewise-linear, increasing function:
 *
 * <pre>
 *   cosine ≤ 0            → 0
 *   0 ≤ cosine ≤ C        → 0.85 · cosine / C
 *   C ≤ cosine ≤ 1        → 0.85 + 0.15 · (cosine − C) / (1 − C)
 * </pre>
 *
 * with C = {@value #COSINE_AT_DEFAULT_THRESHOLD}, so that "similarity ≥ 0.85" means exactly "cosine ≥ C", and any
 * other threshold t means cosine ≥ {@link #toCosine(double) toCosine(t)}. Negative cosines (unrelated faces are
 * spread around 0) all map to 0. How C was chosen, and what false-match rate the default threshold means on the
 * measured impostor pairs (and how little that few pairs can show): docs/models.md, "Calibration".
 */
public final class Similarity {

    /** The default of {@code face2face_config.threshold}. */
    public static final double DEFAULT_THRESHOLD = 0.85;

    /** The cosine that maps to {@link #DEFAULT_THRESHOLD}. */
    public static final double COSINE_AT_DEFAULT_THRESHOLD = 0.50;

    private Similarity() {
    }

    /** The similarity of two descriptors, in [0, 1]. */
    public static double of(FaceDescriptor a, FaceDescriptor b) {
        return fromCosine(a.cosine(b));
    }

    /** Maps a cosine in [-1, 1] to the similarity in [0, 1]. */
    public static double fromCosine(double cosine) {
        double c = Math.max(-1, Math.min(1, cosine));
        if (c <= 0) {
            return 0;
        }
        if (c <= COSINE_AT_DEFAULT_THRESHOLD) {
            return DEFAULT_THRESHOLD * c / COSINE_AT_DEFAULT_THRESHOLD;
        }
        return DEFAULT_THRESHOLD + (1 - DEFAULT_THRESHOLD) * (c - COSINE_AT_DEFAULT_THRESHOLD)
                / (1 - COSINE_AT_DEFAULT_THRESHOLD);
    }

    /** The cosine a similarity threshold in (0, 1] stands for (the inverse of {@link #fromCosine(double)}). */
    public static double toCosine(double similarity) {
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity threshold must be in (0, 1]: " + similarity);
        }
        if (similarity <= DEFAULT_THRESHOLD) {
            return similarity / DEFAULT_THRESHOLD * COSINE_AT_DEFAULT_THRESHOLD;
        }
        return COSINE_AT_DEFAULT_THRESHOLD + (similarity - DEFAULT_THRESHOLD) / (1 - DEFAULT_THRESHOLD)
                * (1 - COSINE_AT_DEFAULT_THRESHOLD);
    }

    /** Whether two descriptors match at a similarity threshold (e.g. {@code face2face_config.threshold}). */
    public static boolean matches(FaceDescriptor a, FaceDescriptor b, double threshold) {
        return of(a, b) >= threshold;
    }
}
