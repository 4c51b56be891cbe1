package io.kycflow.verification.internal.face;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.kycflow.verification.internal.face.FaceModels.Model;

/**
 * The face pipeline over the {@link FaceModels}: detection (all faces, with their 68 landmarks), then, per face,
 * the identity descriptor, quality, passive anti-spoof score and eye state. Each step is a method so that an engine
 * runs only what its check needs. Thread-safe: no mutable state; ONNX Runtime sessions allow concurrent runs.
 *
 * <p>Pre- and post-processing follow the reference JavaScript shipped with the models (the package's
 * {@code lib/*.js}) except where its bugs or measurements on the sample photos said otherwise; every difference,
 * and why, is listed in docs/models.md.
 */
public final class FaceAnalyzer {

    /** Detector input size (UltraFace-style, 4420 anchors). */
    static final int DETECT_W = 320;
    static final int DETECT_H = 240;
    static final int LANDMARK_SIZE = 64;
    static final int ALIGNED_SIZE = 112;
    static final int LIVENESS_SIZE = 128;
    /** The anti-spoof model sees the face box enlarged 2.7 times: background and the edges of a screen or paper. */
    static final double LIVENESS_CONTEXT = 2.7;
    static final int EYE_SIZE = 24;
    static final int POSE_SIZE = 224;
    /** The anti-spoof model's class for a live face (the reference code reports class 0's probability). */
    static final int LIVE_CLASS = 0;
    /**
     * The eye model's class for an open eye: class 0 is "closed" (the reference code's flag is class 0 > class 1;
     * on the samples the eyes shut or looking down gave class 0 ≥ 0.98, the open ones class 1 ≥ 0.78 on average).
     */
    static final int EYE_OPEN_CLASS = 1;

    /**
     * Tunable detection. {@code detectionThreshold}: minimum detector confidence (the reference code uses 0.65;
     * 0.8 here: on the sample photos and 154 perturbed copies of their faces every real face scored ≥ 0.97, while
     * spurious boxes on hair or a hand reached 0.76 — and one 0.92, which the confirmation pass removes);
     * {@code nmsIou}: boxes overlapping a better one by more than this IoU are the same face;
     * {@code minFaceHeightPx}: smaller detections are dropped; {@code tiles}: also look for small faces in four
     * overlapping tiles of a large picture (off by default: it costs four more detector runs, ~30 ms, for each
     * picture more than twice the detector's input, and a selfie or a document does not need it).
     */
    public record Settings(double detectionThreshold, double nmsIou, double minFaceHeightPx, boolean tiles) {

        public static final Settings DEFAULTS = new Settings(0.8, 0.4, 20, false);
    }

    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};
    static final float[] MEAN_127 = {127, 127, 127};
    static final float[] SCALE_128 = {128, 128, 128};
    private static final float[] IMAGENET_MEAN = {0.485f * 255, 0.456f * 255, 0.406f * 255};
    private static final float[] IMAGENET_STD = {0.229f * 255, 0.224f * 255, 0.225f * 255};

    private final FaceModels models;
    private final FaceDetector detector;

    public FaceAnalyzer(FaceModels models) {
        this(models, Settings.DEFAULTS);
    }

    public FaceAnalyzer(FaceModels models, Settings settings) {
        this.models = models;
        this.detector = new FaceDetector(models, settings);
    }

    public boolean available() {
        return models.available();
    }

    /** Why the models are unavailable, or that they are available. */
    public String status() {
        return models.status();
    }

    /** Every face in the image, largest first, each with its landmarks. */
    public List<DetectedFace> analyze(BufferedImage image) {
        return analyze(FacePicture.of(image));
    }

    /** Every face in the picture, largest first, each with its landmarks. */
    public List<DetectedFace> analyze(FacePicture picture) {
        var faces = new ArrayList<DetectedFace>();
        for (FaceBox box : detect(picture)) {
            faces.add(new DetectedFace(box, landmarks(picture, box)));
        }
        return List.copyOf(faces);
    }

    /**
     * Face boxes only (no landmarks), largest first: see {@link FaceDetector#detect}.
     */
    public List<FaceBox> detect(FacePicture picture) {
        return detector.detect(picture);
    }

    /** The 68 landmarks of the face in {@code box} (grey 64 × 64 crop of the box's square). */
    public Landmarks landmarks(FacePicture picture, FaceBox box) {
        double[] crop = cropInside(box.square(), 1.0, picture);
        int[] pixels = ImageOps.region(picture, crop[0], crop[1], crop[2], crop[3], LANDMARK_SIZE, LANDMARK_SIZE, 0);
        float[] input = ImageOps.grey(pixels);
        for (int i = 0; i < input.length; i++) {
            input[i] /= 256f;
        }
        float[] out = run(Model.LANDMARK, "output", input, 1, 1, LANDMARK_SIZE, LANDMARK_SIZE);
        var xy = new float[2 * Landmarks.COUNT];
        for (int i = 0; i < Landmarks.COUNT; i++) {
            xy[2 * i] = (float) (crop[0] + out[2 * i] * crop[2]);
            xy[2 * i + 1] = (float) (crop[1] + out[2 * i + 1] * crop[3]);
        }
        return new Landmarks(xy);
    }

    /** The face aligned to the ArcFace 112 × 112 template, as packed RGB (what the descriptor model sees). */
    public BufferedImage aligned(FacePicture picture, DetectedFace face) {
        int[] pixels = alignedPixels(picture, face);
        var image = new BufferedImage(ALIGNED_SIZE, ALIGNED_SIZE, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, ALIGNED_SIZE, ALIGNED_SIZE, pixels, 0, ALIGNED_SIZE);
        return image;
    }

    private int[] alignedPixels(FacePicture picture, DetectedFace face) {
        double[] toTemplate = Alignment.similarity(face.landmarks().five(), Alignment.ARCFACE_112);
        return ImageOps.warp(picture, Alignment.invert(toTemplate), ALIGNED_SIZE, ALIGNED_SIZE);
    }

    /** The identity descriptor of a detected face (aligned by its five points, 512 values, L2-normalised). */
    public FaceDescriptor descriptor(FacePicture picture, DetectedFace face) {
        float[] input = ImageOps.toChw(alignedPixels(picture, face), false, MEAN_127, SCALE_128);
        return FaceDescriptor.normalised(run(Model.FEATURE, "output", input, 1, 3, ALIGNED_SIZE, ALIGNED_SIZE));
    }

    /** Size, sharpness and pose of a detected face. */
    public FaceQuality quality(FacePicture picture, DetectedFace face) {
        float[] grey = ImageOps.grey(alignedPixels(picture, face));
        double blur = ImageOps.laplacianVariance(grey, ALIGNED_SIZE, ALIGNED_SIZE);
        return new FaceQuality(face.box().height(), face.landmarks().interOcularDistance(), blur,
                pose(picture, face.box()));
    }

    /** Head pose from the pose model (HopeNet-style: 66 bins of 3° per angle, expectation over the softmax). */
    public HeadPose pose(FacePicture picture, FaceBox box) {
        var square = box.square();
        double margin = square.width() / 4;
        double x1 = Math.max(0, square.x1() - margin);
        double y1 = Math.max(0, square.y1() - margin);
        double x2 = Math.min(picture.width(), square.x2() + margin);
        double y2 = Math.min(picture.height(), square.y2() + margin);
        int[] pixels = ImageOps.region(picture, x1, y1, x2 - x1, y2 - y1, POSE_SIZE, POSE_SIZE, 0);
        // RGB with ImageNet statistics, as HopeNet was trained (the reference code feeds BGR by mistake; RGB's yaw
        // agreed better with the landmarks' nose offset on the samples: correlation 0.78 against 0.61).
        float[] input = ImageOps.toChw(pixels, false, IMAGENET_MEAN, IMAGENET_STD);
        var session = models.session(Model.POSE);
        try (var tensor = tensor(input, 1, 3, POSE_SIZE, POSE_SIZE);
                var result = session.run(Map.of("input", tensor))) {
            return new HeadPose(binnedAngle(floats(result, "output")), binnedAngle(floats(result, "617")),
                    binnedAngle(floats(result, "618")));
        } catch (OrtException e) {
            throw new IllegalStateException("pose estimation failed", e);
        }
    }

    private static double binnedAngle(float[] logits) {
        double[] p = softmax(logits);
        double expectation = 0;
        for (int i = 0; i < p.length; i++) {
            expectation += p[i] * i;
        }
        return expectation * 3 - 99;
    }

    /** The passive anti-spoof score of a detected face: one frame, the face with 2.7 × its size of context. */
    public AntiSpoof antiSpoof(FacePicture picture, FaceBox box) {
        double[] crop = cropInside(box.square(), LIVENESS_CONTEXT, picture);
        int[] pixels = ImageOps.region(picture, crop[0], crop[1], crop[2], crop[3], LIVENESS_SIZE, LIVENESS_SIZE, 0);
        // Raw 0–255 RGB and class 0 = live, as the reference code; see docs/models.md for what was measured.
        float[] input = ImageOps.toChw(pixels, false, ZERO, ONE);
        double[] p = softmax(run(Model.LIVENESS, "output", input, 1, 3, LIVENESS_SIZE, LIVENESS_SIZE));
        return new AntiSpoof(p[LIVE_CLASS], p);
    }

    /** Each eye's probability of being open (24 × 24 grey crop around the eye's landmarks). */
    public EyeState eyes(FacePicture picture, Landmarks landmarks) {
        return new EyeState(eyeOpen(picture, landmarks, 36), eyeOpen(picture, landmarks, 42));
    }

    private double eyeOpen(FacePicture picture, Landmarks l, int first) {
        // points first..first+5: outer/inner corners first and first+3, lids first+1, first+2, first+4, first+5
        double cx = (l.x(first + 1) + l.x(first + 2) + l.x(first + 4) + l.x(first + 5)) / 4;
        double cy = (l.y(first + 1) + l.y(first + 2) + l.y(first + 4) + l.y(first + 5)) / 4;
        double size = Math.max(2, Math.hypot(l.x(first + 3) - l.x(first), l.y(first + 3) - l.y(first)) * 1.6);
        int[] pixels = ImageOps.region(picture, cx - size / 2, cy - size / 2, size, size, EYE_SIZE, EYE_SIZE, 0);
        float[] input = ImageOps.grey(pixels);
        for (int i = 0; i < input.length; i++) {
            input[i] /= 255f;
        }
        return softmax(run(Model.EYE, "output", input, 1, 1, EYE_SIZE, EYE_SIZE))[EYE_OPEN_CLASS];
    }

    /**
     * The reference code's crop: {@code box} enlarged {@code scale} times about its centre (less if the picture is
     * smaller), then moved to lie inside the picture. As {x, y, w, h}.
     */
    static double[] cropInside(FaceBox box, double scale, FacePicture picture) {
        int w = picture.width();
        int h = picture.height();
        double s = Math.min(scale, Math.min((h - 1) / box.height(), (w - 1) / box.width()));
        double nw = box.width() * s;
        double nh = box.height() * s;
        double left = box.centerX() - nw / 2;
        double top = box.centerY() - nh / 2;
        left = Math.max(0, Math.min(left, w - 1 - nw));
        top = Math.max(0, Math.min(top, h - 1 - nh));
        return new double[] {left, top, nw, nh};
    }

    private float[] run(Model model, String output, float[] input, long... shape) {
        var session = models.session(model);
        try (var tensor = tensor(input, shape); var result = session.run(Map.of("input", tensor))) {
            return floats(result, output);
        } catch (OrtException e) {
            throw new IllegalStateException(model + " inference failed", e);
        }
    }

    static OnnxTensor tensor(float[] data, long... shape) throws OrtException {
        return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(data), shape);
    }

    static float[] floats(OrtSession.Result result, String name) {
        var value = result.get(name).orElseThrow(() -> new IllegalStateException("model output " + name + " missing"));
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        var out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        var p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
