package io.kycflow.verification.internal.document;

import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 37 characters of the MRZ alphabet rendered from the OCR-B font (Debian {@code fonts-ocr-b}), as templates of
 * one character cell each: {@link #CELL_HEIGHT} rows with the capitals' height spanning rows {@link #CAP_TOP} to
 * {@link #BASELINE}, {@link #cellWidth()} columns (one advance of the monospaced font). Rendered at 4× and averaged
 * down, so their edges are grey the way a photographed character's are.
 */
final class MrzGlyphs {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    static final int CELL_HEIGHT = 32;
    static final int CAP_TOP = 6;
    static final int BASELINE = 26;
    static final int CAP_HEIGHT = BASELINE - CAP_TOP;
    private static final int SUPER = 4;

    private final int cellWidth;
    /** Per character, the cell's pixels made zero-mean and unit-norm, ready for a normalized correlation. */
    private final float[][] templates;

    private MrzGlyphs(int cellWidth, float[][] templates) {
        this.cellWidth = cellWidth;
        this.templates = templates;
    }

    /** @throws IllegalStateException when the font is missing or unreadable */
    static MrzGlyphs load(Path fontFile) {
        if (!Files.isRegularFile(fontFile)) {
            throw new IllegalStateException("the OCR-B font " + fontFile + " is missing (Debian package fonts-ocr-b)");
        }
        Font base;
        try {
            base = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("the OCR-B font " + fontFile + " could not be read: " + e.getMessage(), e);
        }
        var context = new FontRenderContext(null, true, true);
        var probe = base.deriveFont(100f);
        double capHeight = probe.createGlyphVector(context, "H").getVisualBounds().getHeight();
        double advance = probe.getStringBounds("H", context).getWidth();
        var font = base.deriveFont((float) (100 * CAP_HEIGHT * SUPER / capHeight));
        int cellWidth = (int) Math.round(CAP_HEIGHT * advance / capHeight);
        var templates = new float[ALPHABET.length()][];
        for (int i = 0; i < ALPHABET.length(); i++) {
            var big = new BufferedImage(cellWidth * SUPER, CELL_HEIGHT * SUPER, BufferedImage.TYPE_BYTE_GRAY);
            var g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.fillRect(0, 0, big.getWidth(), big.getHeight());
            g.setColor(java.awt.Color.BLACK);
            g.setFont(font);
            g.drawString(String.valueOf(ALPHABET.charAt(i)), 0, BASELINE * SUPER);
            g.dispose();
            var cell = new float[cellWidth * CELL_HEIGHT];
            var raster = big.getRaster();
            for (int y = 0; y < CELL_HEIGHT; y++) {
                for (int x = 0; x < cellWidth; x++) {
                    float sum = 0;
                    for (int dy = 0; dy < SUPER; dy++) {
                        for (int dx = 0; dx < SUPER; dx++) {
                            sum += raster.getSample(x * SUPER + dx, y * SUPER + dy, 0);
                        }
                    }
                    cell[y * cellWidth + x] = sum / (SUPER * SUPER);
                }
            }
            templates[i] = normalized(cell);
        }
        return new MrzGlyphs(cellWidth, templates);
    }

    /** Zero mean, unit norm (a blank cell stays all zero): the dot product of two such is their correlation. */
    static float[] normalized(float[] cell) {
        double mean = 0;
        for (float v : cell) {
            mean += v;
        }
        mean /= cell.length;
        double norm = 0;
        var out = new float[cell.length];
        for (int i = 0; i < cell.length; i++) {
            out[i] = (float) (cell[i] - mean);
            norm += out[i] * out[i];
        }
        if (norm > 1e-6) {
            float inverse = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inverse;
            }
        }
        return out;
    }

    int cellWidth() {
        return cellWidth;
    }

    /** Capital height over advance: how many character heights a line of {@code n} characters is long. */
    double advancePerCapHeight() {
        return cellWidth / (double) CAP_HEIGHT;
    }

    float[] template(int index) {
        return templates[index];
    }
}
