package io.kycflow.verification.internal.face;

/**
 * Alignment of a face to the recognition model's template: the least-squares similarity transform (rotation,
 * uniform scale, translation; Umeyama's method without reflection) taking the five landmark points onto the
 * ArcFace 112 × 112 reference points. Affine maps are {a, b, tx, c, d, ty}: x' = a·x + b·y + tx, y' = c·x + d·y + ty.
 */
final class Alignment {

    /**
     * The ArcFace 112 × 112 reference: eye on the picture's left, other eye, nose tip, mouth corners (the
     * insightface template, as in the models' reference code).
     */
    static final double[] ARCFACE_112 = {
            38.2946, 51.6963,
            73.5318, 51.5014,
            56.0252, 71.7366,
            41.5493, 92.3655,
            70.7299, 92.2041 };

    private Alignment() {
    }

    /** The similarity transform minimising the squared distances from the mapped {@code src} to {@code dst}. */
    static double[] similarity(double[] src, double[] dst) {
        int n = src.length / 2;
        if (n < 2 || dst.length != src.length) {
            throw new IllegalArgumentException("need the same number (at least 2) of source and target points");
        }
        double sx = 0;
        double sy = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < n; i++) {
            sx += src[2 * i];
            sy += src[2 * i + 1];
            dx += dst[2 * i];
            dy += dst[2 * i + 1];
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double norm = 0;
        double dot = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double ax = src[2 * i] - sx;
            double ay = src[2 * i + 1] - sy;
            double bx = dst[2 * i] - dx;
            double by = dst[2 * i + 1] - dy;
            norm += ax * ax + ay * ay;
            dot += ax * bx + ay * by;
            cross += ax * by - ay * bx;
        }
        if (!(norm > 1e-9)) {
            throw new IllegalArgumentException("source points coincide");
        }
        double a = dot / norm; // s·cos θ
        double c = cross / norm; // s·sin θ
        return new double[] {a, -c, dx - (a * sx - c * sy), c, a, dy - (c * sx + a * sy)};
    }

    static double[] invert(double[] m) {
        double det = m[0] * m[4] - m[1] * m[3];
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("singular transform");
        }
        double a = m[4] / det;
        double b = -m[1] / det;
        double c = -m[3] / det;
        double d = m[0] / det;
        return new double[] {a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5])};
    }

    static double[] apply(double[] m, double x, double y) {
        return new double[] {m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
    }
}
