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
 * seen at a slight slant (perspective: one side up to ~6 % shorter than the other), slightly blurred, with sensor
 * noise, saved as a JPEG of quality 40–90. Every parameter comes from the seeded {@link Random}, so a document set is
 * the same on every run.
 */
public final class DocumentPhoto {

    /** What was applied, for reports. */
    public record Perturbation(double rotationDegrees, double slant, double blurRadius, double noiseSigma, int jpegQuality) {

        public static Perturbation random(Random random) {
            return new Perturbation(random.nextDouble() * 10 - 5, random.nextDouble() * 0.12 - 0.06,
                    random.nextDouble() * 1.5, random.nextDouble() * 10, 40 + random.nextInt(51));
        }

        public static final Perturbation NONE = new Perturbation(0, 0, 0, 0, 95);
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
     * Maps each scene pixel back into the page (inverse mapping, bilinear): rotation about the centre and a slant that
     * narrows the page towards one side, the way a page seen from off its axis does.
     */
    private static void warp(BufferedImage page, BufferedImage scene, Perturbation p) {
        int pw = page.getWidth();
        int ph = page.getHeight();
        double cx = scene.getWidth() / 2.0;
        double cy = scene.getHeight() / 2.0;
        double cos = Math.cos(Math.toRadians(p.rotationDegrees()));
        double sin = Math.sin(Math.toRadians(p.rotationDegrees()));
        int[] src = page.getRGB(0, 0, pw, ph, null, 0, pw);
        for (int y = 0; y < scene.getHeight(); y++) {
            for (int x = 0; x < scene.getWidth(); x++) {
                double dx = x - cx;
                double dy = y - cy;
                double u = cos * dx + sin * dy; // undo the rotation
                double v = -sin * dx + cos * dy;
                double scale = 1 + p.slant() * (u / pw); // the far side is smaller: undo by stretching v there
                double sx = u + pw / 2.0;
                double sy = v / scale + ph / 2.0;
                if (sx < 0 || sy < 0 || sx >= pw - 1 || sy >= ph - 1) {
                    continue;
                }
                scene.setRGB(x, y, bilinear(src, pw, sx, sy));
            }
        }
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
