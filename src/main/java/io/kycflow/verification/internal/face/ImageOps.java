package io.kycflow.verification.internal.face;

/**
 * The pixel work the models need, in plain Java: resampling a region to a model's input size, an affine warp
 * (alignment), grey conversion and the variance of the Laplacian. Pixel (i, j) is at integer coordinates (i, j), as
 * in OpenCV, which the models' reference pre-processing used. Stateless.
 */
final class ImageOps {

    private ImageOps() {
    }

    /**
     * The region [x, x+w) × [y, y+h) of the picture resampled to outW × outH packed RGB pixels: an area average
     * where it shrinks by 2 or more (no aliasing from a 1920-pixel photo down to 320), bilinear otherwise. Output
     * pixels whose footprint lies outside the picture get {@code fill}.
     */
    static int[] region(FacePicture picture, double x, double y, double w, double h, int outW, int outH, int fill) {
        double sx = w / outW;
        double sy = h / outH;
        return sx >= 2 || sy >= 2
                ? areaAverage(picture, x, y, sx, sy, outW, outH, fill)
                : bilinear(picture, x, y, sx, sy, outW, outH, fill);
    }

    private static int[] areaAverage(FacePicture p, double x, double y, double sx, double sy, int outW, int outH,
            int fill) {
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        for (int i = 0; i < outW; i++) {
            x0[i] = Math.max(0, (int) Math.floor(x + i * sx));
            x1[i] = Math.min(p.width(), (int) Math.ceil(x + (i + 1) * sx));
        }
        var out = new int[outW * outH];
        for (int j = 0; j < outH; j++) {
            int y0 = Math.max(0, (int) Math.floor(y + j * sy));
            int y1 = Math.min(p.height(), (int) Math.ceil(y + (j + 1) * sy));
            for (int i = 0; i < outW; i++) {
                int n = (x1[i] - x0[i]) * (y1 - y0);
                if (x1[i] <= x0[i] || y1 <= y0) {
                    out[j * outW + i] = fill;
                    continue;
                }
                long r = 0;
                long g = 0;
                long b = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0[i]; xx < x1[i]; xx++) {
                        int c = p.rgb(xx, yy);
                        r += c >>> 16 & 0xFF;
                        g += c >>> 8 & 0xFF;
                        b += c & 0xFF;
                    }
                }
                out[j * outW + i] = (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8 | (int) ((b + n / 2) / n);
            }
        }
        return out;
    }

    private static int[] bilinear(FacePicture p, double x, double y, double sx, double sy, int outW, int outH,
            int fill) {
        var out = new int[outW * outH];
        for (int j = 0; j < outH; j++) {
            double v = y + (j + 0.5) * sy - 0.5;
            for (int i = 0; i < outW; i++) {
                double u = x + (i + 0.5) * sx - 0.5;
                out[j * outW + i] = sample(p, u, v, fill, true);
            }
        }
        return out;
    }

    /**
     * Warps the picture through an affine map: output pixel (u, v) takes the picture's colour at
     * {@code (m[0]u + m[1]v + m[2], m[3]u + m[4]v + m[5])} (the inverse of the alignment), bilinear, black outside.
     */
    static int[] warp(FacePicture p, double[] dstToSrc, int outW, int outH) {
        var out = new int[outW * outH];
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                double sx = dstToSrc[0] * u + dstToSrc[1] * v + dstToSrc[2];
                double sy = dstToSrc[3] * u + dstToSrc[4] * v + dstToSrc[5];
                out[v * outW + u] = sample(p, sx, sy, 0, false);
            }
        }
        return out;
    }

    /**
     * Bilinear sample at (u, v). Outside the picture: {@code fill}; within half a pixel of the border the edge is
     * replicated when {@code replicateEdge}, else the missing neighbours count as {@code fill} (OpenCV's constant
     * border).
     */
    private static int sample(FacePicture p, double u, double v, int fill, boolean replicateEdge) {
        int w = p.width();
        int h = p.height();
        if (u < -1 || v < -1 || u > w || v > h) {
            return fill;
        }
        int xa = (int) Math.floor(u);
        int ya = (int) Math.floor(v);
        double fx = u - xa;
        double fy = v - ya;
        int c00 = pixel(p, xa, ya, fill, replicateEdge);
        int c10 = pixel(p, xa + 1, ya, fill, replicateEdge);
        int c01 = pixel(p, xa, ya + 1, fill, replicateEdge);
        int c11 = pixel(p, xa + 1, ya + 1, fill, replicateEdge);
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = (c00 >>> shift & 0xFF) * (1 - fx) + (c10 >>> shift & 0xFF) * fx;
            double bottom = (c01 >>> shift & 0xFF) * (1 - fx) + (c11 >>> shift & 0xFF) * fx;
            int value = (int) Math.round(top * (1 - fy) + bottom * fy);
            result |= Math.min(255, Math.max(0, value)) << shift;
        }
        return result;
    }

    private static int pixel(FacePicture p, int x, int y, int fill, boolean replicateEdge) {
        if (x >= 0 && y >= 0 && x < p.width() && y < p.height()) {
            return p.rgb(x, y);
        }
        if (!replicateEdge) {
            return fill;
        }
        return p.rgb(Math.min(p.width() - 1, Math.max(0, x)), Math.min(p.height() - 1, Math.max(0, y)));
    }

    /**
     * Packed RGB pixels to a planar (CHW) float tensor, each channel value v becoming (v - mean[c]) / scale[c]; the
     * channel order is R, G, B, or B, G, R when {@code bgr}.
     */
    static float[] toChw(int[] rgb, boolean bgr, float[] mean, float[] scale) {
        int n = rgb.length;
        var out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int c = rgb[i];
            float r = c >>> 16 & 0xFF;
            float g = c >>> 8 & 0xFF;
            float b = c & 0xFF;
            float first = bgr ? b : r;
            float third = bgr ? r : b;
            out[i] = (first - mean[0]) / scale[0];
            out[n + i] = (g - mean[1]) / scale[1];
            out[2 * n + i] = (third - mean[2]) / scale[2];
        }
        return out;
    }

    /** Luma (ITU-R BT.601, as OpenCV's RGB-to-grey) 0–255, one float per pixel. */
    static float[] grey(int[] rgb) {
        var out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            out[i] = 0.299f * (c >>> 16 & 0xFF) + 0.587f * (c >>> 8 & 0xFF) + 0.114f * (c & 0xFF);
        }
        return out;
    }

    /** Variance of the 4-neighbour Laplacian over the interior of a w × h grey image: low means blurred. */
    static double laplacianVariance(float[] grey, int w, int h) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = grey[i - 1] + grey[i + 1] + grey[i - w] + grey[i + w] - 4 * grey[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
