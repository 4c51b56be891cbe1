package io.kycflow.verification.internal.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the machine-readable zone in a photo of a document: dark marks are separated from the page by a local
 * threshold (a page's tint, gradient and shadows vary across it), connected into components, and components of a
 * character's size that follow each other at a character's spacing and height are chained into text lines. The MRZ
 * is the lowest group of 2 or 3 long, parallel lines of the same length: a visual zone's lines are shorter, and
 * nothing below the MRZ is text. Each line's own slope is fitted, so a turned (±5° and more) or slanted photo needs no
 * separate deskew.
 */
final class MrzLocator {

    /** Dark relative to the local mean by this much (grey levels) or more: faint guilloche lines stay background. */
    private static final float CONTRAST = 28;
    /** A line of the MRZ has at least this many components (a TD1 line has 30 characters; blur merges a few). */
    private static final int MIN_LINE_COMPONENTS = 18;

    /**
     * One text line of the MRZ: the centres of its first and last characters, their capitals' height and the number
     * of components it was made of.
     */
    record Line(double x0, double y0, double x1, double y1, double charHeight, int components) {

        double length() {
            return Math.hypot(x1 - x0, y1 - y0);
        }
    }

    private record Component(int left, int top, int right, int bottom, int pixels) {

        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }

        double cx() {
            return (left + right) / 2.0;
        }

        double cy() {
            return (top + bottom) / 2.0;
        }
    }

    private MrzLocator() {
    }

    /** The MRZ's lines, top to bottom (2 or 3), or an empty list when no MRZ-like group of lines is found. */
    static List<Line> locate(GreyImage image) {
        return lowestGroup(textLines(image, MIN_LINE_COMPONENTS));
    }

    /** Every text line of at least {@code minComponents} characters, top to bottom (the visual zone's too). */
    static List<Line> textLines(GreyImage image, int minComponents) {
        var dark = binarize(image);
        var components = components(dark, image.width(), image.height());
        var lines = new ArrayList<Line>();
        for (var chain : chains(components, minComponents)) {
            var line = fit(chain, minComponents);
            if (line != null) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.comparingDouble(line -> (line.y0() + line.y1()) / 2));
        return lines;
    }

    /** Dark against the mean of a window about two character heights wide, via an integral image. */
    static boolean[] binarize(GreyImage image) {
        int w = image.width();
        int h = image.height();
        var p = image.pixels();
        var integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += p[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        int r = Math.max(8, Math.max(w, h) / 60);
        var dark = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                double sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                double mean = sum / ((x1 - x0) * (y1 - y0));
                dark[y * w + x] = p[y * w + x] < mean - CONTRAST;
            }
        }
        return dark;
    }

    /** 8-connected components of a plausible character's size (a big blob is a photo or the table, not text). */
    private static List<Component> components(boolean[] dark, int w, int h) {
        var seen = new boolean[dark.length];
        var stack = new int[dark.length];
        var found = new ArrayList<Component>();
        int maxHeight = Math.max(12, h / 8);
        for (int start = 0; start < dark.length; start++) {
            if (!dark[start] || seen[start]) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int left = w;
            int right = -1;
            int upper = h;
            int lower = -1;
            int pixels = 0;
            while (top > 0) {
                int at = stack[--top];
                int x = at % w;
                int y = at / w;
                pixels++;
                left = Math.min(left, x);
                right = Math.max(right, x);
                upper = Math.min(upper, y);
                lower = Math.max(lower, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && dark[ny * w + nx] && !seen[ny * w + nx]) {
                            seen[ny * w + nx] = true;
                            stack[top++] = ny * w + nx;
                        }
                    }
                }
            }
            var c = new Component(left, upper, right, lower, pixels);
            if (c.height() >= 4 && c.height() <= maxHeight && c.width() <= 4 * c.height() && pixels >= 6) {
                found.add(c);
            }
        }
        return found;
    }

    /**
     * Links each component to the nearest one to its right that continues a line of text (gap under 1.6 character
     * heights, centres level within 0.45 of a height, heights within a factor of 2.6 — {@code <} is about half a
     * capital), and returns the linked runs long enough to be an MRZ line.
     */
    private static List<List<Component>> chains(List<Component> components, int minComponents) {
        var sorted = new ArrayList<>(components);
        sorted.sort(Comparator.comparingInt(Component::left));
        int n = sorted.size();
        var next = new int[n];
        var hasPrevious = new boolean[n];
        Arrays.fill(next, -1);
        for (int i = 0; i < n; i++) {
            var a = sorted.get(i);
            int best = -1;
            for (int j = i + 1; j < n; j++) {
                var b = sorted.get(j);
                double size = Math.max(a.height(), b.height());
                if (b.left() - a.right() > 1.6 * size) {
                    if (b.left() - a.right() > 6 * size) {
                        break; // sorted by left edge: nothing further can be close
                    }
                    continue;
                }
                if (b.left() <= a.left() || Math.abs(b.cy() - a.cy()) > 0.45 * size || hasPrevious[j]) {
                    continue;
                }
                double ratio = a.height() / (double) b.height();
                if (ratio > 2.6 || ratio < 1 / 2.6) {
                    continue;
                }
                if (best < 0 || b.left() < sorted.get(best).left()) {
                    best = j;
                }
            }
            if (best >= 0) {
                next[i] = best;
                hasPrevious[best] = true;
            }
        }
        var chains = new ArrayList<List<Component>>();
        for (int i = 0; i < n; i++) {
            if (hasPrevious[i]) {
                continue;
            }
            var chain = new ArrayList<Component>();
            for (int at = i; at >= 0; at = next[at]) {
                chain.add(sorted.get(at));
            }
            if (chain.size() >= minComponents) {
                chains.add(chain);
            }
        }
        return chains;
    }

    /**
     * Drops from each end of a chain up to two components that stand off the line's character pitch (a speck or a
     * piece of the background's pattern just before the first character would shift every cell).
     */
    private static List<Component> trimmed(List<Component> chain, int minComponents) {
        var gaps = new double[chain.size() - 1];
        for (int i = 1; i < chain.size(); i++) {
            gaps[i - 1] = chain.get(i).cx() - chain.get(i - 1).cx();
        }
        var sorted = gaps.clone();
        Arrays.sort(sorted);
        double pitch = sorted[sorted.length / 2];
        int from = 0;
        int to = chain.size();
        while (from < 2 && to - from > minComponents && offPitch(gaps[from], pitch)) {
            from++;
        }
        while (to > chain.size() - 2 && to - from > minComponents && offPitch(gaps[to - 2], pitch)) {
            to--;
        }
        return chain.subList(from, to);
    }

    /** Not a whole number of pitches (1 to 3: blur may merge neighbours into one component), within a quarter. */
    private static boolean offPitch(double gap, double pitch) {
        double multiple = gap / pitch;
        return multiple < 0.75 || multiple > 3.25 || Math.abs(multiple - Math.round(multiple)) > 0.25;
    }

    /** A least-squares line through the centres of the chain's full-height characters. */
    private static Line fit(List<Component> untrimmed, int minComponents) {
        var chain = trimmed(untrimmed, minComponents);
        var heights = chain.stream().mapToInt(Component::height).sorted().toArray();
        double tall = heights[(int) (heights.length * 0.8)];
        var full = chain.stream().filter(c -> c.height() >= 0.8 * tall).toList();
        if (full.size() < 4) {
            return null;
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var c : full) {
            sx += c.cx();
            sy += c.cy();
            sxx += c.cx() * c.cx();
            sxy += c.cx() * c.cy();
        }
        int m = full.size();
        double denominator = m * sxx - sx * sx;
        double slope = denominator == 0 ? 0 : (m * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / m;
        var medianHeights = full.stream().mapToInt(Component::height).sorted().toArray();
        double charHeight = medianHeights[medianHeights.length / 2];
        var first = chain.getFirst();
        var last = chain.getLast();
        // a character's height is measured across the line; turned by the slope, the box is a little taller
        charHeight = charHeight / Math.sqrt(1 + slope * slope);
        return new Line(first.cx(), intercept + slope * first.cx(), last.cx(), intercept + slope * last.cx(),
                charHeight, chain.size());
    }

    /**
     * From the bottom up, the first run of 2 or 3 lines of about the same length (within 12 %), each below the other
     * by under 3 character heights; a longer run keeps its lowest 3.
     */
    static List<Line> lowestGroup(List<Line> lines) {
        for (int end = lines.size() - 1; end >= 1; end--) {
            var group = new ArrayList<Line>();
            group.add(lines.get(end));
            for (int i = end - 1; i >= 0 && group.size() < 3; i--) {
                var below = group.getLast();
                var line = lines.get(i);
                double gap = (below.y0() + below.y1()) / 2 - (line.y0() + line.y1()) / 2;
                if (gap > 3 * below.charHeight() || Math.abs(line.length() - below.length()) > 0.12 * below.length()) {
                    break;
                }
                group.add(line);
            }
            if (group.size() >= 2) {
                return group.reversed();
            }
        }
        return List.of();
    }
}
