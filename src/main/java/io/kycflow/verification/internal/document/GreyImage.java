package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;

/** A grey-level image as floats 0–255, row-major: what the MRZ reader works on. */
record GreyImage(float[] pixels, int width, int height) {

    /**
     * Luma of the image, area-averaged down by a whole factor while its longer side stays at least {@code minSide}
     * (a 4000 px photo by 2, a 1625 px one not at all: MRZ characters must keep ~20 px of height to tell 0 from O).
     */
    static GreyImage of(BufferedImage image, int minSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int factor = Math.max(1, Math.max(w, h) / minSide);
        int ow = w / factor;
        int oh = h / factor;
        var out = new float[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                float sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int row = (y * factor + dy) * w;
                    for (int dx = 0; dx < factor; dx++) {
                        int p = rgb[row + x * factor + dx];
                        sum += 0.299f * ((p >> 16) & 255) + 0.587f * ((p >> 8) & 255) + 0.114f * (p & 255);
                    }
                }
                out[y * ow + x] = sum / (factor * factor);
            }
        }
        return new GreyImage(out, ow, oh);
    }

    /** Bilinear sample; white outside the image (the page around an MRZ is light). */
    float sample(double x, double y) {
        if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1) {
            return 255;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        int i = y0 * width + x0;
        float top = pixels[i] * (1 - fx) + pixels[i + 1] * fx;
        float bottom = pixels[i + width] * (1 - fx) + pixels[i + width + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
