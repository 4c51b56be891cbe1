package io.kycflow.verification.internal.face;

import java.util.Arrays;

/**
 * The 68 facial landmarks (the iBUG 300-W layout: 0–16 jaw, 17–26 brows, 27–35 nose, 36–41 the eye on the
 * picture's left, 42–47 the other eye, 48–67 mouth) in the picture's pixel coordinates, and the five points derived
 * from them that alignment uses.
 */
public final class Landmarks {

    public static final int COUNT = 68;

    private final float[] xy;

    /** {@code xy} holds x0, y0, x1, y1, … for the 68 points; it is copied. */
    public Landmarks(float[] xy) {
        if (xy.length != 2 * COUNT) {
            throw new IllegalArgumentException("expected " + 2 * COUNT + " coordinates, got " + xy.length);
        }
        this.xy = xy.clone();
    }

    public double x(int point) {
        return xy[2 * point];
    }

    public double y(int point) {
        return xy[2 * point + 1];
    }

    /**
     * Five points, in the order of the ArcFace reference: the eye on the picture's left (centre of points 37, 38,
     * 40, 41), the other eye (43, 44, 46, 47), the nose tip (30), the mouth's left corner (mean of 48 and 60) and
     * its right corner (54 and 64). As x0, y0, … x4, y4.
     */
    public double[] five() {
        return new double[] {
                mean(x(37), x(38), x(40), x(41)), mean(y(37), y(38), y(40), y(41)),
                mean(x(43), x(44), x(46), x(47)), mean(y(43), y(44), y(46), y(47)),
                x(30), y(30),
                mean(x(48), x(60)), mean(y(48), y(60)),
                mean(x(54), x(64)), mean(y(54), y(64)) };
    }

    /** Distance between the two eye centres of {@link #five()}, in pixels. */
    public double interOcularDistance() {
        double[] p = five();
        return Math.hypot(p[2] - p[0], p[3] - p[1]);
    }

    private static double mean(double... values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    @Override
    public String toString() {
        return "Landmarks" + Arrays.toString(five());
    }
}
