package io.kycflow.verification.internal.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OrtException;
import io.kycflow.verification.internal.face.FaceModels.Model;

/** Where the faces are: the detector model over the picture (and tiles of it), suppression and confirmation. */
final class FaceDetector {

    private final FaceModels models;
    private final FaceAnalyzer.Settings settings;

    FaceDetector(FaceModels models, FaceAnalyzer.Settings settings) {
        this.models = models;
        this.settings = settings;
    }

    /**
     * Face boxes only (no landmarks), largest first. The 320 × 240 detector runs over the whole picture; with
     * {@link Settings#tiles()}, and when the picture is more than twice the detector's input, also over four
     * overlapping tiles of 0.6 × its size, so that a small face is not lost to downscaling; then each box is
     * confirmed by detecting again in a crop of 1.8 × its size around it (a spurious box on hair scored 0.92 on the
     * samples and did not survive this; every real face did).
     */
    List<FaceBox> detect(FacePicture picture) {
        int w = picture.width();
        int h = picture.height();
        var candidates = new ArrayList<>(detectIn(picture, 0, 0, w, h, false));
        if (settings.tiles() && Math.min((double) FaceAnalyzer.DETECT_W / w, (double) FaceAnalyzer.DETECT_H / h) < 0.5) {
            double tw = w * 0.6;
            double th = h * 0.6;
            for (double ty : new double[] {0, h - th}) {
                for (double tx : new double[] {0, w - tw}) {
                    candidates.addAll(detectIn(picture, tx, ty, tw, th, true));
                }
            }
        }
        var kept = suppress(candidates);
        var confirmed = new ArrayList<FaceBox>();
        for (FaceBox box : kept) {
            var square = box.square();
            double side = square.height() * 1.8;
            var again = detectIn(picture, square.centerX() - side / 2, square.centerY() - side / 2, side, side, false);
            if (again.stream().anyMatch(b -> b.iou(box) > 0.4)) {
                confirmed.add(box);
            }
        }
        confirmed.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return List.copyOf(confirmed);
    }

    /** Greedy non-maximum suppression: by score, dropping boxes that overlap or lie mostly inside a kept one. */
    private List<FaceBox> suppress(List<FaceBox> candidates) {
        var sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(FaceBox::score).reversed());
        var kept = new ArrayList<FaceBox>();
        for (FaceBox candidate : sorted) {
            if (kept.stream().noneMatch(k -> k.iou(candidate) > settings.nmsIou() || insideShare(candidate, k) > 0.6)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** How much of {@code a} (share of its area) lies inside {@code b}. */
    private static double insideShare(FaceBox a, FaceBox b) {
        double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        return iw <= 0 || ih <= 0 || a.area() <= 0 ? 0 : iw * ih / a.area();
    }

    /**
     * One detector run over the region [x, x+w) × [y, y+h) of the picture, letterboxed into 320 × 240 (keeping the
     * aspect ratio: a portrait selfie squeezed into 4:3 would distort the face); the margin shows more of the picture,
     * or grey 127 (≈ 0 once normalised) beyond its edge. Boxes above the threshold, in picture coordinates, before
     * suppression. With {@code tile}, boxes touching an edge of the sampled area inside the picture are dropped: a
     * face cut by a tile's edge is seen whole by another pass.
     */
    private List<FaceBox> detectIn(FacePicture picture, double x, double y, double w, double h, boolean tile) {
        var session = models.session(Model.DETECT);
        double scale = Math.min(FaceAnalyzer.DETECT_W / w, FaceAnalyzer.DETECT_H / h);
        double sampledW = FaceAnalyzer.DETECT_W / scale;
        double sampledH = FaceAnalyzer.DETECT_H / scale;
        int[] pixels = ImageOps.region(picture, x, y, sampledW, sampledH, FaceAnalyzer.DETECT_W, FaceAnalyzer.DETECT_H, 0x7F7F7F);
        // RGB, (p − 127) / 128. (The reference code's BGR2RGB on an RGBA canvas feeds BGR; RGB found the same faces
        // with equal or higher scores on the samples.)
        float[] input = ImageOps.toChw(pixels, false, FaceAnalyzer.MEAN_127, FaceAnalyzer.SCALE_128);
        float[] scores;
        float[] boxes;
        try (var tensor = FaceAnalyzer.tensor(input, 1, 3, FaceAnalyzer.DETECT_H, FaceAnalyzer.DETECT_W);
                var result = session.run(Map.of("input", tensor))) {
            scores = FaceAnalyzer.floats(result, "scores");
            boxes = FaceAnalyzer.floats(result, "boxes");
        } catch (OrtException e) {
            throw new IllegalStateException("face detection failed", e);
        }
        double edge = 0.01 * Math.max(sampledW, sampledH);
        var found = new ArrayList<FaceBox>();
        int anchors = scores.length / 2;
        for (int i = 0; i < anchors; i++) {
            float score = scores[2 * i + 1];
            if (score < settings.detectionThreshold()) {
                continue;
            }
            // corner form, normalised to the detector's input
            var box = new FaceBox(x + boxes[4 * i] * sampledW, y + boxes[4 * i + 1] * sampledH,
                    x + boxes[4 * i + 2] * sampledW, y + boxes[4 * i + 3] * sampledH, score);
            if (box.width() <= 0 || box.height() < settings.minFaceHeightPx()) {
                continue;
            }
            if (tile && (x > 0 && box.x1() < x + edge || y > 0 && box.y1() < y + edge
                    || x + sampledW < picture.width() && box.x2() > x + sampledW - edge
                    || y + sampledH < picture.height() && box.y2() > y + sampledH - edge)) {
                continue;
            }
            found.add(box);
        }
        return suppress(found);
    }
}
