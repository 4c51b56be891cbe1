package io.kycflow.verification.internal.document;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the visual zone — the printed fields a person reads — and compares it with the MRZ ({@link VisualZoneFields}).
 * The zone is found with the MRZ locator's own text-line finder: on a passport page, the text lines above the MRZ
 * (the portrait gives none, so the crop is the part right of it); on an ID card, the text lines of the front. The
 * crop is straightened by the lines' slope (the MRZ's, where the side has one), scaled so that capitals are ~28 px
 * high, and read by Tesseract as one block: English, plus Russian and Kazakh for documents of countries that print
 * Cyrillic, or when English found nothing.
 */
final class VisualZoneReader implements AutoCloseable {

    /** Capital height Tesseract reads best at (its LSTM models were trained at roughly 20–40 px). */
    private static final double TARGET_CHAR_HEIGHT = 28;
    /** A visual-zone line has at least this many characters chained ("Surname" has 7, a date 10). */
    private static final int MIN_LINE_CHARACTERS = 5;
    private static final int MAX_CROP_SIDE = 2400;
    private static final Set<String> CYRILLIC_COUNTRIES = Set.of("RUS", "KAZ", "BLR", "UKR", "KGZ", "TJK", "BGR",
            "SRB", "MKD", "MNG");

    private final Tesseracts tesseracts;

    VisualZoneReader(Tesseracts tesseracts) {
        this.tesseracts = tesseracts;
    }

    /** Ends Tesseract's handles (at shutdown; otherwise it reports their models as leaked on exit). */
    @Override
    public void close() {
        tesseracts.close();
    }

    /**
     * @param side       the side that carries the visual zone: upright when it carries the MRZ too (the MRZ was read
     *                   that way up); an ID card's front is tried turned when nothing is read on it as sent
     * @param carriesMrz the side's MRZ is left out (TD3: the zone is above it); false for an ID card's front
     */
    VisualZone read(BufferedImage side, boolean carriesMrz, Mrz mrz) {
        var zone = readAsIs(side, carriesMrz, mrz);
        if (!zone.read() && !carriesMrz) {
            // an ID card's front has no MRZ to tell which way up it was photographed: nothing read, so try it turned
            var turned = readAsIs(DocumentRecognition.turned(side), false, mrz);
            if (turned.read()) {
                return turned;
            }
        }
        return zone;
    }

    private VisualZone readAsIs(BufferedImage side, boolean carriesMrz, Mrz mrz) {
        var crop = crop(side, carriesMrz);
        if (crop == null) {
            return VisualZoneFields.extract(List.of(), mrz);
        }
        var languages = new ArrayList<>(List.of("eng"));
        boolean cyrillicCountry = CYRILLIC_COUNTRIES.contains(mrz.issuingCountry())
                || CYRILLIC_COUNTRIES.contains(mrz.nationality());
        if (cyrillicCountry) {
            languages.add(mrz.issuingCountry().equals("KAZ") || mrz.nationality().equals("KAZ") ? "kaz" : "rus");
        }
        var zone = read(crop, mrz, installed(languages));
        if (!zone.read() && !cyrillicCountry && tesseracts.languages().contains("rus")) {
            zone = read(crop, mrz, installed(List.of("eng", "rus"))); // perhaps the text is Cyrillic
        }
        return zone;
    }

    private VisualZone read(BufferedImage crop, Mrz mrz, String languages) {
        var lines = tesseracts.read(crop, languages).stream().map(Tesseracts.Line::text).toList();
        return VisualZoneFields.extract(lines, mrz);
    }

    private String installed(List<String> wanted) {
        return String.join("+", wanted.stream().filter(tesseracts.languages()::contains).toList());
    }

    /** The visual zone's text, straightened and scaled, as an 8-bit grey image; null when no text line was found. */
    static @Nullable BufferedImage crop(BufferedImage side, boolean carriesMrz) {
        var grey = GreyImage.of(side, MrzOcr.WORKING_SIDE);
        double toSide = side.getWidth() / (double) grey.width();
        var lines = new ArrayList<>(MrzLocator.textLines(grey, MIN_LINE_CHARACTERS));
        double angle;
        double bottomLimit = Double.POSITIVE_INFINITY;
        if (carriesMrz) {
            var mrzLines = MrzLocator.lowestGroup(lines);
            if (mrzLines.isEmpty()) {
                return null;
            }
            var top = mrzLines.getFirst();
            angle = mrzLines.stream().mapToDouble(l -> Math.atan2(l.y1() - l.y0(), l.x1() - l.x0())).average().orElse(0);
            lines.removeIf(line -> (line.y0() + line.y1()) / 2 >= (top.y0() + top.y1()) / 2 - top.charHeight());
            bottomLimit = rotate(new Point2D.Double(top.x0(), top.y0()), -angle).getY() - top.charHeight();
        } else {
            angle = medianAngle(lines);
        }
        if (lines.isEmpty()) {
            return null;
        }
        var heights = lines.stream().mapToDouble(MrzLocator.Line::charHeight).sorted().toArray();
        double charHeight = heights[heights.length / 2];
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        // the zone's left edge: where most lines start (a chain found in the portrait or the signature starts further left)
        var starts = lines.stream().mapToDouble(l -> rotate(new Point2D.Double(l.x0(), l.y0()), -angle).getX())
                .sorted().toArray();
        double left = starts[starts.length / 4] - 2 * charHeight;
        for (var line : lines) {
            for (var end : List.of(new Point2D.Double(line.x0(), line.y0()), new Point2D.Double(line.x1(), line.y1()))) {
                var p = rotate(end, -angle);
                minX = Math.min(minX, p.getX() - 2 * line.charHeight());
                maxX = Math.max(maxX, p.getX() + 2 * line.charHeight());
                minY = Math.min(minY, p.getY() - 1.5 * line.charHeight());
                maxY = Math.max(maxY, p.getY() + 1.5 * line.charHeight());
            }
        }
        minX = Math.max(minX, left);
        // a short last value ("F", a 4-character number) is no line of its own: the zone goes on to the MRZ (or a bit)
        maxY = carriesMrz ? bottomLimit : maxY + 3 * charHeight;
        if (maxY - minY < charHeight || maxX - minX < charHeight) {
            return null;
        }
        double scale = Math.clamp(TARGET_CHAR_HEIGHT / (charHeight * toSide), 0.5, 3);
        scale = Math.min(scale, MAX_CROP_SIDE / (Math.max(maxX - minX, maxY - minY) * toSide));
        int width = (int) Math.ceil((maxX - minX) * toSide * scale);
        int height = (int) Math.ceil((maxY - minY) * toSide * scale);
        var transform = new AffineTransform();
        transform.scale(scale, scale);
        transform.translate(-minX * toSide, -minY * toSide);
        transform.rotate(-angle);
        var crop = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = crop.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(side, transform, null);
        g.dispose();
        return blackOnWhite(crop);
    }

    /**
     * Black text on white, by the MRZ locator's local threshold: the page's tint, gradient and guilloche lines go,
     * light-grey labels stay (Tesseract's own global threshold lost many of them on the patterned pages).
     */
    private static BufferedImage blackOnWhite(BufferedImage crop) {
        byte[] data = ((java.awt.image.DataBufferByte) crop.getRaster().getDataBuffer()).getData();
        var pixels = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            pixels[i] = data[i] & 0xff;
        }
        var dark = MrzLocator.binarize(new GreyImage(pixels, crop.getWidth(), crop.getHeight()));
        for (int i = 0; i < data.length; i++) {
            data[i] = dark[i] ? 0 : (byte) 255;
        }
        return crop;
    }

    /** The median slope of the longer lines (a few chained specks of the background may lie any way). */
    private static double medianAngle(List<MrzLocator.Line> lines) {
        var angles = lines.stream().filter(l -> l.components() >= 7)
                .mapToDouble(l -> Math.atan2(l.y1() - l.y0(), l.x1() - l.x0())).sorted().toArray();
        return angles.length == 0 ? 0 : angles[angles.length / 2];
    }

    private static Point2D rotate(Point2D p, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new Point2D.Double(p.getX() * cos - p.getY() * sin, p.getX() * sin + p.getY() * cos);
    }
}
