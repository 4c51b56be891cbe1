package io.kycflow.verification.internal.face;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * The face tests' material: where scripts/fetch-models put the models and the sample photos, and the
 * perturbations that make genuine pairs (a photo against a changed copy of itself).
 */
final class FaceSamples {

    /** The group photos of npm {@code @vladmandic/face-api} 1.7.15 {@code demo/} and how many faces each shows. */
    static final Map<String, Integer> GROUP_PHOTOS = Map.of("sample1.jpg", 3, "sample2.jpg", 3, "sample3.jpg", 3,
            "sample4.jpg", 4, "sample5.jpg", 5, "sample6.jpg", 4);

    private FaceSamples() {
    }

    /** {@code $KYCFLOW_MODELS_DIR/face} (system property {@code kycflow.models-dir} first), else data/models/face. */
    static Path faceModelsDir() {
        String dir = System.getProperty("kycflow.models-dir", System.getenv("KYCFLOW_MODELS_DIR"));
        return Path.of(dir != null && !dir.isBlank() ? dir : "data/models").resolve("face");
    }

    /** {@code $KYCFLOW_TEST_ASSETS_DIR/faces}, else data/test-assets/faces. */
    static Path photosDir() {
        String dir = System.getenv("KYCFLOW_TEST_ASSETS_DIR");
        return Path.of(dir != null && !dir.isBlank() ? dir : "data/test-assets").resolve("faces");
    }

    static BufferedImage read(Path file) {
        try {
            var image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException("not an image: " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean photosPresent() {
        return GROUP_PHOTOS.keySet().stream().allMatch(name -> Files.isRegularFile(photosDir().resolve(name)));
    }

    /** A square crop of {@code factor} × the face's square box around it, clipped to the picture, as a new image. */
    static BufferedImage cropAround(BufferedImage image, FaceBox box, double factor) {
        var square = box.square();
        double side = square.width() * factor;
        int x = (int) Math.max(0, Math.round(square.centerX() - side / 2));
        int y = (int) Math.max(0, Math.round(square.centerY() - side / 2));
        int w = (int) Math.min(image.getWidth() - x, Math.round(side));
        int h = (int) Math.min(image.getHeight() - y, Math.round(side));
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(image.getSubimage(x, y, w, h), 0, 0, null);
        g.dispose();
        return out;
    }

    /** A copy of the photo with every face but {@code keep} painted over (flat grey, 1.3 × its square box). */
    static BufferedImage maskOthers(BufferedImage photo, List<FaceBox> faces, int keep) {
        var out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(photo, 0, 0, null);
        g.setColor(new Color(0x707070));
        for (int i = 0; i < faces.size(); i++) {
            if (i != keep) {
                var s = faces.get(i).square();
                double side = s.width() * 1.3;
                g.fillRect((int) (s.centerX() - side / 2), (int) (s.centerY() - side / 2), (int) side, (int) side);
            }
        }
        var own = faces.get(keep).square(); // the kept face stays whole even where a mask reached it
        int x = (int) Math.max(0, own.x1());
        int y = (int) Math.max(0, own.y1());
        int w = (int) Math.min(photo.getWidth() - x, own.width());
        int h = (int) Math.min(photo.getHeight() - y, own.height());
        g.drawImage(photo.getSubimage(x, y, w, h), x, y, null);
        g.dispose();
        return out;
    }

    /**
     * The perturbations of a genuine pair, deterministic: scale, rotation, JPEG re-compression, brightness, blur,
     * mirror, and a combination.
     */
    static Map<String, UnaryOperator<BufferedImage>> perturbations() {
        var p = new LinkedHashMap<String, UnaryOperator<BufferedImage>>();
        p.put("scale0.5", i -> transform(i, 0.5, 0));
        p.put("scale0.3", i -> transform(i, 0.3, 0)); // face ~70–100 px high
        p.put("rot+5", i -> transform(i, 1, 5));
        p.put("rot-10", i -> transform(i, 1, -10));
        p.put("jpeg40", i -> jpeg(i, 0.4f));
        p.put("darker", i -> brightness(i, 0.55, 0));
        p.put("brighter", i -> brightness(i, 1.25, 35));
        p.put("blur", i -> transform(transform(i, 0.33, 0), 1 / 0.33, 0));
        p.put("mirror", FaceSamples::mirror);
        p.put("combined", i -> jpeg(brightness(transform(i, 0.6, 4), 0.8, 10), 0.6f));
        return p;
    }

    /** Scaled by {@code scale} and rotated by {@code degrees} about the centre, grey where nothing was. */
    static BufferedImage transform(BufferedImage src, double scale, double degrees) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, w, h);
        g.rotate(Math.toRadians(degrees), w / 2.0, h / 2.0);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static BufferedImage mirror(BufferedImage src) {
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(src, src.getWidth(), 0, -src.getWidth(), src.getHeight(), null);
        g.dispose();
        return out;
    }

    static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            var bytes = new ByteArrayOutputStream();
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (var out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(rgb(src), null, null), param);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage brightness(BufferedImage src, double factor, int offset) {
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[src.getWidth()];
        for (int y = 0; y < src.getHeight(); y++) {
            src.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                int c = row[x];
                int result = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int v = (int) Math.round((c >>> shift & 0xFF) * factor + offset);
                    result |= Math.min(255, Math.max(0, v)) << shift;
                }
                row[x] = result;
            }
            out.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return out;
    }

    /**
     * A crude simulated recapture (a face photographed off a print or screen): a quarter of the resolution,
     * washed-out contrast and colour, a warm cast and sensor noise. Not a real presentation attack.
     */
    static BufferedImage simulatedRecapture(BufferedImage src) {
        var soft = transform(transform(src, 0.25, 0), 4, 0);
        var out = new BufferedImage(soft.getWidth(), soft.getHeight(), BufferedImage.TYPE_INT_RGB);
        var random = new Random(1);
        for (int y = 0; y < soft.getHeight(); y++) {
            for (int x = 0; x < soft.getWidth(); x++) {
                int c = soft.getRGB(x, y);
                int r = c >>> 16 & 0xFF;
                int g = c >>> 8 & 0xFF;
                int b = c & 0xFF;
                int l = (r + g + b) / 3;
                double noise = random.nextGaussian() * 6;
                r = (int) (70 + (l + (r - l) * 0.6) * 0.7 + noise);
                g = (int) (65 + (l + (g - l) * 0.6) * 0.7 + noise);
                b = (int) (55 + (l + (b - l) * 0.6) * 0.7 + noise);
                out.setRGB(x, y, clamp(r) << 16 | clamp(g) << 8 | clamp(b));
            }
        }
        return out;
    }

    /** Images without a face: flat, noise, gradient, random shapes (seeded). */
    static Map<String, BufferedImage> faceless() {
        var images = new LinkedHashMap<String, BufferedImage>();
        images.put("grey", flat(0x808080));
        images.put("black", flat(0x000000));
        images.put("white", flat(0xFFFFFF));
        var random = new Random(42);
        var colourNoise = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var greyNoise = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var gradient = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                colourNoise.setRGB(x, y, random.nextInt(1 << 24));
                greyNoise.setRGB(x, y, clamp((int) (128 + 45 * random.nextGaussian())) * 0x010101);
                gradient.setRGB(x, y, (x * 255 / 639) << 16 | (y * 255 / 479) << 8 | 0x60);
            }
        }
        images.put("colour noise", colourNoise);
        images.put("grey noise", greyNoise);
        images.put("gradient", gradient);
        var shapes = flat(0xD0C8B8);
        var g = shapes.createGraphics();
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(1 << 24)));
            int x = random.nextInt(600);
            int y = random.nextInt(440);
            if (i % 2 == 0) {
                g.fillOval(x, y, 10 + random.nextInt(120), 10 + random.nextInt(120));
            } else {
                g.fillRect(x, y, 10 + random.nextInt(120), 10 + random.nextInt(120));
            }
        }
        g.dispose();
        images.put("shapes", shapes);
        return images;
    }

    /** The images side by side, each scaled to {@code height}. */
    static BufferedImage sideBySide(int height, BufferedImage... images) {
        var scaled = new ArrayList<BufferedImage>();
        int width = 0;
        for (var image : images) {
            var s = transform(image, (double) height / image.getHeight(), 0);
            scaled.add(s);
            width += s.getWidth();
        }
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        int x = 0;
        for (var s : scaled) {
            g.drawImage(s, x, 0, null);
            x += s.getWidth();
        }
        g.dispose();
        return out;
    }

    private static BufferedImage flat(int rgb) {
        var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return image;
    }

    private static BufferedImage rgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int clamp(int v) {
        return Math.min(255, Math.max(0, v));
    }

    /** Sorted copy. */
    static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The q-quantile (0–1) of sorted values, nearest rank. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.min(sorted.length - 1, Math.max(0, index))];
    }

    static String summary(String name, List<Double> values) {
        double[] s = sorted(values);
        return String.format(java.util.Locale.ROOT,
                "%-28s n=%3d min=%.3f p5=%.3f p25=%.3f median=%.3f p75=%.3f p95=%.3f max=%.3f", name, s.length,
                s[0], quantile(s, 0.05), quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), quantile(s, 0.95),
                s[s.length - 1]);
    }

    /** Counts per 0.1-wide bin of cosine, from below -0.2 to 0.9 and above. */
    static String histogram(List<Double> values) {
        var counts = new int[13];
        for (double v : values) {
            counts[Math.min(12, Math.max(0, (int) Math.floor((v + 0.3) * 10)))]++;
        }
        var sb = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            sb.append(String.format(java.util.Locale.ROOT, " %s%.1f:%d", i == 0 ? "<" : "", -0.3 + 0.1 * Math.max(i, 1),
                    counts[i]));
        }
        return sb.toString();
    }
}
