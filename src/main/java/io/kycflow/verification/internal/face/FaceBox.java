package io.kycflow.verification.internal.face;

/**
 * A detected face's box in the picture's pixel coordinates ({@code x1 < x2}, {@code y1 < y2}; it may reach past the
 * picture's edge a little) with the detector's confidence in [0, 1].
 */
public record FaceBox(double x1, double y1, double x2, double y2, double score) {

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    public double area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    /**
     * The square of the box's height around its centre: the crop the landmark, anti-spoof and pose models were
     * fed in their reference pre-processing.
     */
    public FaceBox square() {
        double half = height() / 2;
        return new FaceBox(centerX() - half, centerY() - half, centerX() + half, centerY() + half, score);
    }

    /** Intersection over union. */
    public double iou(FaceBox other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (area() + other.area() - inter);
    }
}
