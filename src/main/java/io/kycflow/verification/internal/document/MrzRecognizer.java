package io.kycflow.verification.internal.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the characters of located MRZ lines by template matching against the OCR-B glyphs. The MRZ font is
 * monospaced and every line is full (fillers included), so a line of {@code n} characters is cut into {@code n} equal
 * cells between its first and last character's centres; each cell is resampled along the line's own slope to the
 * templates' size and compared with every glyph by normalized correlation, over small shifts that also follow the
 * drift a slanted photo puts into the spacing. No segmentation of touching or broken characters is needed.
 */
final class MrzRecognizer {

    /** Columns and rows a cell may shift to find its character. */
    private static final int SHIFT_X = 4;
    private static final int SHIFT_Y = 3;
    private static final int MARGIN_Y = SHIFT_Y;
    /** Quarters of a cell the cells may drift from even spacing; the strip's margins leave room for a cell. */
    private static final int MAX_DRIFT = 3;

    /** A line read: its text and per character the correlation of the best glyph (1 is a perfect match). */
    record ReadLine(String text, float[] scores) {

        double meanScore() {
            double sum = 0;
            for (float s : scores) {
                sum += s;
            }
            return scores.length == 0 ? 0 : sum / scores.length;
        }
    }

    private final MrzGlyphs glyphs;

    MrzRecognizer(MrzGlyphs glyphs) {
        this.glyphs = glyphs;
    }

    /** The number of characters of each line: 30 for 3 lines (TD1); 36 or 44 for 2, by the lines' proportions. */
    int charactersPerLine(List<MrzLocator.Line> lines) {
        if (lines.size() == 3) {
            return MrzFormat.TD1.lineLength();
        }
        double cells = 0;
        for (var line : lines) {
            cells += line.length() / (line.charHeight() * glyphs.advancePerCapHeight()) + 1;
        }
        cells /= lines.size();
        return Math.abs(cells - 36) < Math.abs(cells - 44) ? 36 : 44;
    }

    /**
     * A component's box is a pixel or two taller than the glyph's capitals (blur, JPEG ringing), which makes 0 look
     * like O: the line's first characters are read at a few heights and the best-matching one is kept.
     */
    private static final double[] HEIGHT_SCALES = {0.86, 0.92, 0.98, 1.04};
    private static final int SCALE_PROBE = 12;

    ReadLine read(GreyImage image, MrzLocator.Line line, int characters) {
        MrzLocator.Line best = line;
        double bestScore = -2;
        for (double scale : HEIGHT_SCALES) {
            var scaled = new MrzLocator.Line(line.x0(), line.y0(), line.x1(), line.y1(), line.charHeight() * scale,
                    line.components());
            double score = read(image, scaled, characters, SCALE_PROBE).meanScore();
            if (score > bestScore) {
                bestScore = score;
                best = scaled;
            }
        }
        return read(image, best, characters, characters);
    }

    private ReadLine read(GreyImage image, MrzLocator.Line line, int characters, int cells) {
        int cw = glyphs.cellWidth();
        int stripWidth = cw * (characters + 2) + 2 * SHIFT_X;
        int stripHeight = MrzGlyphs.CELL_HEIGHT + 2 * MARGIN_Y;
        var strip = strip(image, line, characters, stripWidth, stripHeight);
        var text = new StringBuilder();
        var scores = new float[cells];
        int drift = 0;
        var window = new float[cw * MrzGlyphs.CELL_HEIGHT];
        for (int i = 0; i < cells; i++) {
            int bestGlyph = 0;
            float bestScore = -2;
            int bestShift = drift;
            for (int dx = drift - SHIFT_X; dx <= drift + SHIFT_X; dx++) {
                for (int dy = -SHIFT_Y; dy <= SHIFT_Y; dy++) {
                    int x0 = cw * (i + 1) + SHIFT_X + dx;
                    int y0 = MARGIN_Y + dy;
                    for (int y = 0; y < MrzGlyphs.CELL_HEIGHT; y++) {
                        System.arraycopy(strip, (y0 + y) * stripWidth + x0, window, y * cw, cw);
                    }
                    var normalized = MrzGlyphs.normalized(window);
                    for (int g = 0; g < MrzGlyphs.ALPHABET.length(); g++) {
                        float score = dot(normalized, glyphs.template(g));
                        if (score > bestScore) {
                            bestScore = score;
                            bestGlyph = g;
                            bestShift = dx;
                        }
                    }
                }
            }
            // a photo seen off-axis spaces the characters unevenly (perspective: mid-line, half a cell from the
            // even spacing between the end characters); follow the drift, up to three quarters of a cell
            drift = Math.max(-MAX_DRIFT * cw / 4, Math.min(MAX_DRIFT * cw / 4, bestShift));
            text.append(MrzGlyphs.ALPHABET.charAt(bestGlyph));
            scores[i] = bestScore;
        }
        return new ReadLine(text.toString(), scores);
    }

    /**
     * The line resampled into a strip of whole cells: one empty cell and the shift margin each side, the capitals
     * on the templates' rows. Strip column {@code cw·(i+1) + SHIFT_X + cw/2} falls on character {@code i}'s centre.
     */
    private float[] strip(GreyImage image, MrzLocator.Line line, int characters, int width, int height) {
        int cw = glyphs.cellWidth();
        double ux = (line.x1() - line.x0()) / line.length();
        double uy = (line.y1() - line.y0()) / line.length();
        double vx = -uy;
        double vy = ux;
        double pitch = line.length() / (characters - 1);
        double alongPerColumn = pitch / cw;
        double acrossPerRow = line.charHeight() / MrzGlyphs.CAP_HEIGHT;
        // the first character's centre sits at strip column cw + SHIFT_X + cw/2, on the capitals' middle row
        double column0 = cw + SHIFT_X + cw / 2.0;
        double row0 = MARGIN_Y + (MrzGlyphs.CAP_TOP + MrzGlyphs.BASELINE) / 2.0;
        var strip = new float[width * height];
        for (int r = 0; r < height; r++) {
            double across = (r + 0.5 - row0) * acrossPerRow;
            for (int c = 0; c < width; c++) {
                double along = (c + 0.5 - column0) * alongPerColumn;
                strip[r * width + c] = image.sample(line.x0() + along * ux + across * vx,
                        line.y0() + along * uy + across * vy);
            }
        }
        return strip;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    List<ReadLine> readAll(GreyImage image, List<MrzLocator.Line> lines) {
        int characters = charactersPerLine(lines);
        var read = new ArrayList<ReadLine>();
        for (var line : lines) {
            read.add(read(image, line, characters));
        }
        return read;
    }
}
