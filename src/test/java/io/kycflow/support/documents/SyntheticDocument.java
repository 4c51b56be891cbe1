package io.kycflow.support.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Renders an identity document from an {@link MrzGenerator.Document}: a TD3 passport data page (125 × 88 mm, MRZ of 2
 * lines at its foot) or a TD1 ID card (85.6 × 54 mm; front with the portrait and the visual zone, back with the
 * 3-line MRZ), at 10 pixels per millimetre. The MRZ is set in OCR-B at ICAO's 10 characters per inch (Debian
 * {@code fonts-ocr-b}); the background is a tinted gradient with guilloche-like rosettes and wave lines, so a reader
 * cannot rely on a blank page.
 */
public final class SyntheticDocument {

    /** Debian fonts-ocr-b; tests that render documents need it (.ci/run installs it). */
    public static final Path OCR_B = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
    static final double PX_PER_MM = 10;
    private static final DateTimeFormatter VISUAL_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The sides of one document; {@code back} is null for a passport page. */
    public record Sides(BufferedImage front, @Nullable BufferedImage back, List<String> mrz) {
    }

    private SyntheticDocument() {
    }

    public static boolean fontAvailable() {
        return Files.isRegularFile(OCR_B);
    }

    /** Skips the calling test without the font, except on CI (CI=true), where it fails: .ci/run installs it. */
    public static void requireFont() {
        if (!fontAvailable()) {
            org.junit.jupiter.api.Assertions.assertNotEquals("true", System.getenv("CI"),
                    "Debian fonts-ocr-b must be installed on CI (" + OCR_B + ")");
            org.junit.jupiter.api.Assumptions.abort("Debian fonts-ocr-b is not installed (" + OCR_B + ")");
        }
    }

    public static Sides render(MrzGenerator.Document document, @Nullable BufferedImage portrait, Random random) {
        return render(document, document, portrait, random);
    }

    /**
     * A document whose visual zone prints {@code visual}'s fields while its MRZ encodes {@code document}'s: a tampered
     * document when they differ.
     */
    public static Sides render(MrzGenerator.Document document, MrzGenerator.Document visual,
                               @Nullable BufferedImage portrait, Random random) {
        var mrz = MrzGenerator.render(document);
        var hue = random.nextFloat();
        if (document.format() == MrzFormat.TD1) {
            var front = page(85.6, 54, hue, random);
            visualZone(front, visual, portrait, 2.5, random);
            var back = page(85.6, 54, hue, random);
            var g = graphics(back);
            g.setColor(new Color(60, 60, 80));
            g.setFont(sans(Font.PLAIN, 2.2));
            g.drawString("ADDRESS / PLACE OF BIRTH", mm(4), mm(8));
            g.drawString("AUTHORITY " + document.issuingCountry(), mm(4), mm(13));
            mrzZone(back, mrz, 54);
            g.dispose();
            return new Sides(front, back, mrz);
        }
        var page = page(125, 88, hue, random);
        visualZone(page, visual, portrait, 4, random);
        mrzZone(page, mrz, 88);
        return new Sides(page, null, mrz);
    }

    private static BufferedImage page(double widthMm, double heightMm, float hue, Random random) {
        var image = new BufferedImage(mm(widthMm), mm(heightMm), BufferedImage.TYPE_INT_RGB);
        var g = graphics(image);
        var light = Color.getHSBColor(hue, 0.10f + random.nextFloat() * 0.15f, 0.97f);
        var other = Color.getHSBColor(hue + 0.15f, 0.15f + random.nextFloat() * 0.15f, 0.90f);
        g.setPaint(new GradientPaint(0, 0, light, image.getWidth(), image.getHeight(), other));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(Color.getHSBColor(hue + 0.5f, 0.25f, 0.80f));
        for (int r = 0; r < 3; r++) { // rosettes: epitrochoid-like loops, as on banknotes
            double cx = image.getWidth() * (0.2 + 0.6 * random.nextDouble());
            double cy = image.getHeight() * (0.2 + 0.6 * random.nextDouble());
            double big = image.getHeight() * (0.2 + 0.2 * random.nextDouble());
            int lobes = 7 + random.nextInt(9);
            var path = new Path2D.Double();
            for (int i = 0; i <= 2000; i++) {
                double t = i * 2 * Math.PI / 2000;
                double radius = big * (0.7 + 0.3 * Math.cos(lobes * t));
                double x = cx + radius * Math.cos(t) + big * 0.25 * Math.cos(lobes * 3 * t);
                double y = cy + radius * Math.sin(t) + big * 0.25 * Math.sin(lobes * 3 * t);
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
        }
        g.setColor(Color.getHSBColor(hue + 0.3f, 0.2f, 0.85f));
        for (int w = 0; w < 12; w++) { // wave lines across the page
            var path = new Path2D.Double();
            double y0 = image.getHeight() * w / 12.0;
            double period = 40 + random.nextInt(60);
            for (int x = 0; x <= image.getWidth(); x += 4) {
                double y = y0 + 12 * Math.sin(x / period + w);
                if (x == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
        }
        g.dispose();
        return image;
    }

    private static void visualZone(BufferedImage page, MrzGenerator.Document d, @Nullable BufferedImage portrait,
                                   double textMm, Random random) {
        var g = graphics(page);
        double w = page.getWidth() / PX_PER_MM;
        double h = page.getHeight() / PX_PER_MM;
        g.setColor(new Color(40, 40, 90));
        g.setFont(sans(Font.BOLD, textMm * 1.1));
        g.drawString(d.format() == MrzFormat.TD1 ? "IDENTITY CARD" : "PASSPORT", mm(w * 0.35), mm(h * 0.12));
        double photoW = w * 0.28;
        double photoH = photoW * 4 / 3;
        int px = mm(w * 0.04);
        int py = mm(h * 0.17);
        if (portrait != null) {
            g.drawImage(portrait, px, py, mm(photoW), mm(photoH), null);
        }
        var fields = new String[][] {
                {"Surname", d.surname()}, {"Given names", d.givenNames()},
                {"Nationality", d.nationality()}, {"Date of birth", d.birthDate() == null ? "" : VISUAL_DATE.format(d.birthDate())},
                {"Sex", d.sex().name()}, {"Date of expiry", d.expiryDate() == null ? "" : VISUAL_DATE.format(d.expiryDate())},
                {"Document no.", d.documentNumber()}};
        double x = w * 0.36;
        double y = h * 0.22;
        for (var field : fields) {
            g.setFont(sans(Font.PLAIN, textMm * 0.6));
            g.setColor(new Color(90, 90, 110));
            g.drawString(field[0], mm(x), mm(y));
            g.setFont(sans(Font.BOLD, textMm * 0.85));
            g.setColor(new Color(20, 20, 30));
            g.drawString(field[1], mm(x), mm(y + textMm * 0.95));
            y += textMm * (d.format() == MrzFormat.TD1 ? 1.75 : 1.55);
        }
        g.setFont(sans(Font.ITALIC, textMm * 0.9));
        g.setColor(new Color(30, 30, 60, 160));
        g.drawString("Signature " + (char) ('A' + random.nextInt(26)), mm(w * 0.05), mm(photoH + h * 0.25));
        g.dispose();
    }

    /** The MRZ: OCR-B at 2.54 mm a character, lines 4 mm apart, the last line 3 mm above the foot. */
    private static void mrzZone(BufferedImage page, List<String> lines, double heightMm) {
        var g = graphics(page);
        var font = ocrB();
        float advanceAtOne = (float) font.deriveFont(100f).getStringBounds("A", g.getFontRenderContext()).getWidth() / 100f;
        g.setFont(font.deriveFont((float) (2.54 * PX_PER_MM / advanceAtOne)));
        g.setColor(new Color(15, 15, 20));
        double lineWidthMm = lines.getFirst().length() * 2.54;
        double pageWidthMm = page.getWidth() / PX_PER_MM;
        double left = (pageWidthMm - lineWidthMm) / 2;
        for (int i = 0; i < lines.size(); i++) {
            double baseline = heightMm - 3.5 - (lines.size() - 1 - i) * 4.2;
            g.drawString(lines.get(i), mm(left), mm(baseline));
        }
        g.dispose();
    }

    private static Font ocrB() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, OCR_B.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("OCR-B font missing: install Debian fonts-ocr-b (" + OCR_B + ")", e);
        }
    }

    private static Font sans(int style, double sizeMm) {
        return new Font("DejaVu Sans", style, mm(sizeMm));
    }

    private static Graphics2D graphics(BufferedImage image) {
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    static int mm(double mm) {
        return (int) Math.round(mm * PX_PER_MM);
    }

    /**
     * A sample face photo from data/test-assets (scripts/fetch-models) cut to a 3:4 portrait around its largest face
     * (some samples show several people) when the face models are installed, else around its centre; null when the
     * photos are absent.
     */
    public static @Nullable BufferedImage samplePortrait(int index) {
        var dir = Path.of(System.getenv().getOrDefault("KYCFLOW_TEST_ASSETS_DIR", "data/test-assets"), "faces");
        var file = dir.resolve("sample" + (1 + Math.floorMod(index, 6)) + ".jpg");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            var photo = ImageIO.read(file.toFile());
            double cx = photo.getWidth() / 2.0;
            double cy = photo.getHeight() / 3.0;
            int cropW = Math.min(photo.getWidth(), photo.getHeight() * 3 / 4);
            var face = largestFace(photo);
            if (face != null) {
                cx = face.centerX();
                cy = face.centerY();
                cropW = (int) Math.min(cropW, face.width() * 2.2);
            }
            int cropH = Math.min(photo.getHeight(), cropW * 4 / 3);
            int x = (int) Math.max(0, Math.min(photo.getWidth() - cropW, cx - cropW / 2.0));
            int y = (int) Math.max(0, Math.min(photo.getHeight() - cropH, cy - cropH * 0.45));
            return photo.getSubimage(x, y, cropW, cropH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.kycflow.verification.internal.face.@Nullable FaceBox largestFace(BufferedImage photo) {
        var models = Path.of("data/models/face");
        if (!Files.isRegularFile(models.resolve("fr_detect.onnx"))) {
            return null;
        }
        synchronized (SyntheticDocument.class) {
            if (analyzer == null) {
                analyzer = new io.kycflow.verification.internal.face.FaceAnalyzer(
                        io.kycflow.verification.internal.face.FaceModels.load(models));
            }
        }
        var faces = analyzer.detect(io.kycflow.verification.internal.face.FacePicture.of(photo));
        return faces.isEmpty() ? null : faces.getFirst();
    }

    private static io.kycflow.verification.internal.face.@Nullable FaceAnalyzer analyzer;
}
