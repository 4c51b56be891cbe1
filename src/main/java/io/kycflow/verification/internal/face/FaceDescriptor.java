package io.kycflow.verification.internal.face;

import java.util.Arrays;

/**
 * A face's identity descriptor: the recognition model's 512 values, L2-normalised, so that the cosine of two
 * descriptors is their dot product. Compare them with {@link Similarity}.
 */
public final class FaceDescriptor {

    public static final int SIZE = 512;

    private final float[] values;

    private FaceDescriptor(float[] values) {
        this.values = values;
    }

    /** Normalises a copy of the model's raw output to unit length. */
    public static FaceDescriptor normalised(float[] raw) {
        if (raw.length != SIZE) {
            throw new IllegalArgumentException("expected " + SIZE + " values, got " + raw.length);
        }
        double norm = 0;
        for (float v : raw) {
            norm += (double) v * v;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("descriptor has no direction (norm " + norm + ")");
        }
        var values = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = (float) (raw[i] / norm);
        }
        return new FaceDescriptor(values);
    }

    /** Cosine similarity in [-1, 1]. */
    public double cosine(FaceDescriptor other) {
        double dot = 0;
        for (int i = 0; i < SIZE; i++) {
            dot += (double) values[i] * other.values[i];
        }
        return Math.max(-1, Math.min(1, dot));
    }

    /** A copy of the 512 values (to store a descriptor, say). */
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceDescriptor other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FaceDescriptor[512]";
    }
}
