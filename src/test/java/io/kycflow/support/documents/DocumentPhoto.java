package io.kycflow.support.documents;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * A photo of a rendered document as a phone would take it: the page on a table-like background, turned up to ±5°,
 * seen off its axis (a true perspective: each corner moved independently by up to 5 % of the page's size, the page
 * mapped by the homography those corners define), slightly blurred, with sensor noise, saved as a JPEG of quality
 * 40–90. Every parameter comes from the seeded {@link Random}, so a document set is
 * the same on every run.
 */
public final class DocumentPhoto {

    /** What was applied, for reports. */
    /**
     * @param corners per page corner (top-left, top-right, bottom-right, bottom-left) its displacement (dx, dy) as a
     *                fraction of the page's width and height
     */
    public record Perturbation(double rotationDegrees, double[] corners, double blurRadius, double noiseSigma,
                               int jpegQuality) {

        public static Perturbation random(Random random) {
            double rotation = random.nextDouble() * 10 - 5;
            double strength = random.nextDouble() * 0.05;
            var corners = new double[8];
            for (int i = 0; i < 8; i++) {
                corners[i] = (random.nextDouble() * 2 - 1) * strength;
            }
            return new Perturbation(rotation, corners, random.nextDouble() * 1.5, random.nextDouble() * 10,
                    40 + random.nextInt(51));
        }

        public static final Perturbation NONE = new Perturbation(0, new double[8], 0, 0, 95);

        @Override
        public String toString() {
            double most = 0;
            for (double c : corners) {
                most = Math.max(most, Math.abs(c));
            }
            return String.format("rotation=%.1f° perspective=%.3f blur=%.2f noise=%.1f jpeg=%d", rotationDegrees, most,
                    blurRadius, noiseSigma, jpegQuality);
        }
    }

    private DocumentPhoto() {
    }

    /** The page in a photo 1.3 × its size, perturbed, as JPEG bytes. */
    public static byte[] take(BufferedImage page, Perturbation p, Random random) {
        int w = (int) (page.getWidth() * 1.3);
        int h = (int) (page.getHeight() * 1.3);
        var scene = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = scene.createGraphics();
        var table = new Color(90 + random.nextInt(80), 70 + random.nextInt(60), 50 + random.nextInt(50));
        g.setPaint(new GradientPaint(0, 0, table, w, h, table.darker()));
        g.fillRect(0, 0, w, h);
        g.dispose();
        warp(page, scene, p);
        var blurred = p.blurRadius() < 0.3 ? scene : blur(scene, p.blurRadius());
        noise(blurred, p.noiseSigma(), random);
        return jpeg(blurred, p.jpegQuality());
    }

    /**
     * Maps each scene pixel back into the page (inverse mapping, bilinear) through the homography that takes the
     * page's corners — centred in the scene, turned, each moved by its perturbation — back to the page's own corners.
     */
    private static void warp(BufferedImage page, BufferedImage scene, Perturbation p) {
        int pw = page.getWidth();
        int ph = page.getHeight();
        double cx = scene.getWidth() / 2.0;
        double cy = scene.getHeight() / 2.0;
        double cos = Math.cos(Math.toRadians(p.rotationDegrees()));
        double sin = Math.sin(Math.toRadians(p.rotationDegrees()));
        double[][] pageCorners = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        var sceneCorners = new double[4][2];
        for (int i = 0; i < 4; i++) {
            double u = pageCorners[i][0] - pw / 2.0 + p.corners()[2 * i] * pw;
            double v = pageCorners[i][1] - ph / 2.0 + p.corners()[2 * i + 1] * ph;
            sceneCorners[i][0] = cx + cos * u - sin * v;
            sceneCorners[i][1] = cy + sin * u + cos * v;
        }
        var h = homography(sceneCorners, pageCorners);
        int[] src = page.getRGB(0, 0, pw, ph, null, 0, pw);
        for (int y = 0; y < scene.getHeight(); y++) {
            for (int x = 0; x < scene.getWidth(); x++) {
                double w = h[6] * x + h[7] * y + 1;
                double sx = (h[0] * x + h[1] * y + h[2]) / w;
                double sy = (h[3] * x + h[4] * y + h[5]) / w;
                if (sx < 0 || sy < 0 || sx >= pw - 1 || sy >= ph - 1) {
                    continue;
                }
                scene.setRGB(x, y, bilinear(src, pw, sx, sy));
            }
        }
    }

    /** The 3×3 homography (h33 = 1, row-major, 8 values) taking each {@code from} point to its {@code to} point. */
    static double[] homography(double[][] from, double[][] to) {
        var a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) { // Gaussian elimination with partial pivoting
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            var swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        var h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        return h;
    }

    private static int bilinear(int[] src, int w, double x, double y) {
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int a = src[y0 * w + x0];
        int b = src[y0 * w + x0 + 1];
        int c = src[(y0 + 1) * w + x0];
        int d = src[(y0 + 1) * w + x0 + 1];
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
            double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
            rgb |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return rgb;
    }

    private static BufferedImage blur(BufferedImage image, double radius) {
        int size = 2 * (int) Math.ceil(radius * 2) + 1;
        var kernel = new float[size * size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double dx = i - size / 2;
                double dy = j - size / 2;
                kernel[i * size + j] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * radius * radius));
                sum += kernel[i * size + j];
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    private static void noise(BufferedImage image, double sigma, Random random) {
        if (sigma < 0.5) {
            return;
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int n = (int) Math.round(random.nextGaussian() * sigma);
                int r = clamp(((rgb >> 16) & 255) + n);
                int gr = clamp(((rgb >> 8) & 255) + n);
                int b = clamp((rgb & 255) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] jpeg(BufferedImage image, int quality) {
        try (var out = new ByteArrayOutputStream(); var ios = ImageIO.createImageOutputStream(out)) {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
