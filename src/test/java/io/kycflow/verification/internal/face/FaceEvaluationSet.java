package io.kycflow.verification.internal.face;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The evaluation set the face engines are measured on, generated from the 6 packaged group photos (22 faces,
 * {@code scripts/fetch-models}):
 * <ul>
 * <li><b>genuine pairs are perturbations of one photo</b> (a face's crop against a changed copy of itself, or two
 * changed copies against each other): scale, rotation, a flat "yaw" warp, light, blur, JPEG quality. They say the
 * descriptor is stable under capture changes, not how two different photos of one person compare;</li>
 * <li>impostor pairs are pairs of different faces, as cropped and perturbed (a couple of cross-photo pairs may be
 * the same person: docs/models.md);</li>
 * <li>liveness bursts of 8 JPEG frames from one crop, as the hosted page sends them: a "live" burst has per-frame
 * jitter (a shift of a pixel or two, light, sensor noise) and, for a blink, two frames whose eyes are painted shut
 * (the eye's landmark outline filled with skin colour sampled beside it, a dark lash line across): a simulated
 * blink, not a real one; a "static" burst is the one frame repeated (a replayed or held-up photo), and a "noisy
 * static" burst the same frame with fresh sensor noise each time (a photo held still in front of a camera).</li>
 * </ul>
 */
public final class FaceEvaluationSet {

    public record Face(String name, BufferedImage crop, DetectedFace face) {
    }

    public record Pair(String name, BufferedImage a, BufferedImage b, boolean genuine) {
    }

    private final List<Face> faces;

    private FaceEvaluationSet(List<Face> faces) {
        this.faces = faces;
    }

    /** The 22 single-face crops (2 × the face box, other faces painted over), left to right per photo. */
    public static FaceEvaluationSet load(FaceAnalyzer analyzer) {
        var faces = new ArrayList<Face>();
        for (String photoName : new java.util.TreeSet<>(FaceSamples.GROUP_PHOTOS.keySet())) {
            var photo = FaceSamples.read(FaceSamples.photosDir().resolve(photoName));
            var boxes = analyzer.detect(FacePicture.of(photo)).stream()
                    .sorted((a, b) -> Double.compare(a.centerX(), b.centerX())).toList();
            for (int i = 0; i < boxes.size(); i++) {
                var crop = FaceSamples.cropAround(FaceSamples.maskOthers(photo, boxes, i), boxes.get(i), 2.0);
                var found = analyzer.analyze(crop);
                if (!found.isEmpty()) {
                    faces.add(new Face(photoName.replace("sample", "s").replace(".jpg", "") + "/" + (i + 1), crop, found.getFirst()));
                }
            }
        }
        return new FaceEvaluationSet(List.copyOf(faces));
    }

    public static boolean present() {
        return java.nio.file.Files.isDirectory(FaceSamples.faceModelsDir()) && FaceSamples.photosPresent();
    }

    public static FaceModels models() {
        return FaceModels.load(FaceSamples.faceModelsDir());
    }

    public List<Face> faces() {
        return faces;
    }

    /** Capture changes, deterministic: pose (rotation, a flat yaw warp), scale, light, blur, JPEG quality. */
    public static Map<String, UnaryOperator<BufferedImage>> perturbations() {
        var p = new LinkedHashMap<String, UnaryOperator<BufferedImage>>();
        p.put("scale0.5", i -> FaceSamples.transform(i, 0.5, 0));
        p.put("scale0.3", i -> FaceSamples.transform(i, 0.3, 0));
        p.put("rot+8", i -> FaceSamples.transform(i, 1, 8));
        p.put("rot-15", i -> FaceSamples.transform(i, 1, -15));
        p.put("yaw-warp", i -> yawWarp(i, 0.8));
        p.put("darker", i -> FaceSamples.brightness(i, 0.5, 0));
        p.put("brighter", i -> FaceSamples.brightness(i, 1.3, 30));
        p.put("blur", i -> FaceSamples.transform(FaceSamples.transform(i, 0.3, 0), 1 / 0.3, 0));
        p.put("jpeg40", i -> FaceSamples.jpeg(i, 0.4f));
        p.put("jpeg70", i -> FaceSamples.jpeg(FaceSamples.transform(i, 0.7, 0), 0.7f));
        p.put("mirror", FaceSamples::mirror);
        p.put("combined", i -> FaceSamples.jpeg(FaceSamples.brightness(FaceSamples.transform(i, 0.6, 4), 0.8, 10), 0.6f));
        return p;
    }

    /**
     * Genuine: each face against each perturbation (12 per face) and perturbation against perturbation (6 per face).
     * Impostor: every pair of different faces as cropped, and again with both perturbed (a different perturbation
     * each).
     */
    public List<Pair> pairs() {
        var perturb = new ArrayList<>(perturbations().entrySet());
        var pairs = new ArrayList<Pair>();
        for (var face : faces) {
            var copies = new ArrayList<BufferedImage>();
            for (var p : perturb) {
                var copy = p.getValue().apply(face.crop());
                copies.add(copy);
                pairs.add(new Pair(face.name() + " vs " + p.getKey(), face.crop(), copy, true));
            }
            for (int k = 0; k < 6; k++) {
                pairs.add(new Pair(face.name() + " " + perturb.get(k).getKey() + " vs " + perturb.get(k + 6).getKey(),
                        copies.get(k), copies.get(k + 6), true));
            }
        }
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                var a = faces.get(i);
                var b = faces.get(j);
                pairs.add(new Pair(a.name() + " vs " + b.name(), a.crop(), b.crop(), false));
                var pa = perturb.get((i + j) % perturb.size());
                var pb = perturb.get((i + 2 * j + 1) % perturb.size());
                pairs.add(new Pair(a.name() + " " + pa.getKey() + " vs " + b.name() + " " + pb.getKey(),
                        pa.getValue().apply(a.crop()), pb.getValue().apply(b.crop()), false));
            }
        }
        return pairs;
    }

    /** The burst kinds of {@link #burst}. */
    public enum Burst { BLINK, HEAD_TURN, STATIC, NOISY_STATIC, PRINT, SCREEN_REPLAY }

    public static final int FRAMES = 8;

    /** Eight JPEG frames (quality 0.9, as the hosted page sends) of one face, of the given kind. */
    public static List<byte[]> burst(Face face, Burst kind, long seed) {
        var random = new Random(seed);
        var frames = new ArrayList<byte[]>();
        byte[] still = jpegBytes(face.crop(), 0.9f);
        for (int f = 0; f < FRAMES; f++) {
            switch (kind) {
                case STATIC -> frames.add(still);
                case NOISY_STATIC -> frames.add(jpegBytes(noise(face.crop(), random, 1.5), 0.9f));
                case BLINK -> {
                    var frame = f == 5 || f == 6 ? closeEyes(face.crop(), face.face().landmarks()) : face.crop();
                    frames.add(jpegBytes(jitter(frame, random), 0.9f));
                }
                case PRINT -> frames.add(jpegBytes(recaptured(handMotion(face.crop(), random), random, false), 0.9f));
                case SCREEN_REPLAY -> {
                    var frame = f == 5 || f == 6 ? closeEyes(face.crop(), face.face().landmarks()) : face.crop();
                    frames.add(jpegBytes(recaptured(handMotion(frame, random), random, true), 0.9f));
                }
                case HEAD_TURN -> {
                    // look phase straight, then the "turn" as a growing flat warp: a photo can only be warped, not turned
                    double strength = f < 3 ? 1 : 1 - 0.09 * (f - 2);
                    frames.add(jpegBytes(jitter(yawWarp(face.crop(), strength), random), 0.9f));
                }
            }
        }
        return frames;
    }

    /**
     * A flat stand-in for a head turn: columns remapped by a power curve, so that one side of the face is squeezed and
     * the other stretched ({@code strength} 1 = unchanged). A real turn also hides one side of the face; this cannot.
     */
    static BufferedImage yawWarp(BufferedImage src, double strength) {
        int w = src.getWidth();
        int h = src.getHeight();
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            int sx = (int) Math.min(w - 1, Math.round(w * Math.pow((x + 0.5) / w, strength)));
            for (int y = 0; y < h; y++) {
                out.setRGB(x, y, src.getRGB(sx, y));
            }
        }
        return out;
    }

    /** Both eyes painted shut: the landmark outline of each eye, enlarged, filled with the skin below it, and a lash line. */
    public static BufferedImage closeEyes(BufferedImage src, Landmarks l) {
        var out = copy(src);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int first : new int[] {36, 42}) {
            double cx = 0;
            double cy = 0;
            for (int k = 0; k < 6; k++) {
                cx += l.x(first + k) / 6;
                cy += l.y(first + k) / 6;
            }
            double width = Math.hypot(l.x(first + 3) - l.x(first), l.y(first + 3) - l.y(first));
            int skin = src.getRGB(clamp((int) cx, src.getWidth()), clamp((int) (cy + width * 0.75), src.getHeight()));
            var lid = new Polygon();
            for (int k = 0; k < 6; k++) {
                lid.addPoint((int) Math.round(cx + (l.x(first + k) - cx) * 1.35), (int) Math.round(cy + (l.y(first + k) - cy) * 2.2));
            }
            g.setColor(new Color(skin));
            g.fillPolygon(lid);
            g.setColor(new Color(0x3A2A22));
            g.setStroke(new BasicStroke((float) Math.max(1.5, width * 0.08)));
            g.drawLine((int) l.x(first), (int) (l.y(first) + width * 0.05), (int) l.x(first + 3), (int) (l.y(first + 3) + width * 0.05));
        }
        g.dispose();
        return out;
    }

    /**
     * A camera's frame-to-frame changes: the frame window moved by up to 2 px (a whole-pixel crop, no resampling: a
     * camera does not interpolate its frames, and interpolation's softening is what the anti-spoof model reads as a
     * recapture — an earlier bilinear 1 % enlargement cut one face's live score from 0.64 to 0.35) and light within
     * ±4 %. No added sensor noise: the model reads added noise as a recapture too (σ = 1.5 grey levels cut its live
     * score from 0.57 to 0.12 on one face), and the photos carry their own camera's noise already.
     */
    static BufferedImage jitter(BufferedImage src, Random random) {
        int dx = random.nextInt(5);
        int dy = random.nextInt(5);
        var shifted = copy(src.getSubimage(dx, dy, src.getWidth() - 4, src.getHeight() - 4));
        return FaceSamples.brightness(shifted, 0.96 + random.nextDouble() * 0.08, 0);
    }

    /** A print or a screen held in a hand: a shift of up to 4 px and a turn of up to ±1.5° per frame. */
    static BufferedImage handMotion(BufferedImage src, Random random) {
        int w = src.getWidth();
        int h = src.getHeight();
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians((random.nextDouble() - 0.5) * 3), w / 2.0, h / 2.0);
        int grow = Math.max(6, w / 40);
        g.drawImage(src, random.nextInt(9) - 4 - grow, random.nextInt(9) - 4 - grow, w + 2 * grow, h + 2 * grow, null);
        g.dispose();
        return out;
    }

    /**
     * The face photographed off a print ({@code screen} false: lost resolution, washed-out contrast and colour, a warm
     * cast) or off a phone's screen (true: less resolution lost, a cool cast, raised blacks and the screen's pixel grid
     * beating with the camera's as a faint moiré), with fresh sensor noise each frame. Simulated, not a real attack.
     */
    static BufferedImage recaptured(BufferedImage src, Random random, boolean screen) {
        int w = src.getWidth();
        int h = src.getHeight();
        double keep = screen ? 0.5 : 0.33;
        var small = new BufferedImage(Math.max(1, (int) (w * keep)), Math.max(1, (int) (h * keep)), BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, w, h, null);
        g.dispose();
        double period = 3 + random.nextDouble() * 2;
        double angle = random.nextDouble() * Math.PI;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = out.getRGB(x, y);
                double r = c >>> 16 & 0xFF;
                double gr = c >>> 8 & 0xFF;
                double b = c & 0xFF;
                double l = (r + gr + b) / 3;
                double n = random.nextGaussian() * 3;
                if (screen) {
                    double moire = 6 * Math.sin((x * Math.cos(angle) + y * Math.sin(angle)) * 2 * Math.PI / period);
                    r = 25 + (l + (r - l) * 0.85) * 0.85 + n + moire;
                    gr = 28 + (l + (gr - l) * 0.85) * 0.85 + n + moire;
                    b = 40 + (l + (b - l) * 0.85) * 0.85 + n + moire;
                } else {
                    r = 60 + (l + (r - l) * 0.65) * 0.72 + n;
                    gr = 55 + (l + (gr - l) * 0.65) * 0.72 + n;
                    b = 45 + (l + (b - l) * 0.65) * 0.72 + n;
                }
                out.setRGB(x, y, clamp((int) r, 256) << 16 | clamp((int) gr, 256) << 8 | clamp((int) b, 256));
            }
        }
        return out;
    }

    static BufferedImage noise(BufferedImage src, Random random, double sigma) {
        var out = copy(src);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int c = out.getRGB(x, y);
                double n = random.nextGaussian() * sigma;
                out.setRGB(x, y, clamp((int) ((c >>> 16 & 0xFF) + n), 256) << 16 | clamp((int) ((c >>> 8 & 0xFF) + n), 256) << 8
                        | clamp((int) ((c & 0xFF) + n), 256));
            }
        }
        return out;
    }

    public static byte[] jpegBytes(BufferedImage src, float quality) {
        try {
            var bytes = new ByteArrayOutputStream();
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (var out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(copy(src), null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage copy(BufferedImage src) {
        var out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int clamp(int v, int bound) {
        return Math.max(0, Math.min(bound - 1, v));
    }
}
