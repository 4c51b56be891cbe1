package io.kycflow.verification.internal.face;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The real liveness check over one capture: a burst of frames (the hosted page sends 3 "look at the camera" frames
 * and 5 during the challenge) and/or one selfie. In order, the first failure decides:
 * <ol>
 * <li>every image decodes; at least half the frames show a face, of at least {@value #MIN_FACE_PX} px
 * ({@code no_face}, {@code poor_quality}); more than one face fails when asked ({@code several_faces});</li>
 * <li>one face throughout: each frame's descriptor against the first's, cosine ≥ {@value #SAME_FACE_COSINE}
 * ({@code face_changed});</li>
 * <li>a burst whose faces do not change at all between frames is a still image (a photo held up, a replayed
 * frame): {@code liveness_not_confirmed};</li>
 * <li>passive anti-spoof: the median over the images of the model's live probability, on the threshold's scale
 * ({@link PassiveScore}), is the {@code prediction}, compared with {@code liveness_config.threshold}
 * ({@code liveness_not_confirmed});</li>
 * <li>the challenge ({@code challenge_failed}): a blink is the eyes open (mean open probability ≥ {@value #EYES_OPEN})
 * in the first "look at the camera" frames and, in a later frame, at least {@value #BLINK_DROP} less open than that —
 * relative, because the eye model reads some open eyes at 0.6–0.8 and some painted or half-closed lids at 0.5; a
 * head turn is two frames after the first three whose yaw differs by at least {@value #HEAD_TURN_DEGREES}° from those
 * three's median;</li>
 * <li>the mask / 3D check when required ({@code mask_attack}): see {@link #maskSuspected};</li>
 * <li>{@code eye_open_check}: the kept selfie's eyes open ({@code eye_closed}).</li>
 * </ol>
 * What each threshold is based on, and what these checks cannot see: docs/models.md, "Liveness".
 */
public final class LivenessCheck {

    static final double MIN_FACE_PX = 60;
    static final double SAME_FACE_COSINE = 0.40;
    static final double EYES_OPEN = 0.60;
    static final double BLINK_DROP = 0.45;
    static final double HEAD_TURN_DEGREES = 15;
    /** Mean absolute grey difference (0–255) of two aligned faces below which two frames count as the same image. */
    static final double STILL_DIFFERENCE = 1.0;

    /** What the flow asks for. */
    public record Settings(String challenge, double threshold, boolean eyeOpenCheck, boolean maskCheck,
                           boolean failOnSeveralFaces) {
    }

    /** One image of the capture as read: the largest face and what the models said of it. */
    record Reading(int index, FacePicture picture, DetectedFace face, FaceDescriptor descriptor, double live,
                   double eyesOpen, HeadPose pose, float[] alignedGrey) {
    }

    /**
     * The outcome. {@code failure} null when it passed; the fields of the block are null when no face was read.
     *
     * @param kept index of the kept selfie among the images (frames first, then the selfie), −1 when none
     */
    public record Outcome(@Nullable String failure, String detail, @Nullable Double prediction, @Nullable Boolean eyeClosed,
                          double @Nullable [] faceCenter, @Nullable String direction, int kept, double[] eyesOpen,
                          double[] yaws) {

        public boolean passed() {
            return failure == null;
        }
    }

    private final FaceAnalyzer analyzer;

    public LivenessCheck(FaceAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @param images the frames in order, then the selfie if one was sent; null where one did not decode */
    public Outcome check(List<@Nullable FacePicture> images, boolean lastIsSelfie, Settings settings) {
        var readings = new ArrayList<Reading>();
        for (int i = 0; i < images.size(); i++) {
            var picture = images.get(i);
            if (picture == null) {
                return fail("poor_quality", "Image " + (i + 1) + " could not be decoded (send JPEG or PNG).");
            }
            var faces = analyzer.analyze(picture);
            if (faces.size() > 1 && settings.failOnSeveralFaces()) {
                return fail("several_faces", faces.size() + " faces were found in image " + (i + 1) + "; only the person should be in view.");
            }
            if (!faces.isEmpty()) {
                readings.add(read(i, picture, faces.getFirst()));
            }
        }
        if (readings.isEmpty() || readings.size() * 2 < images.size()) {
            return fail("no_face", "No face was found in " + (images.size() - readings.size()) + " of " + images.size() + " images.");
        }
        for (var reading : readings) {
            if (reading.face().box().height() < MIN_FACE_PX) {
                return fail("poor_quality", "The face is too small (" + Math.round(reading.face().box().height())
                        + " px high; at least " + Math.round(MIN_FACE_PX) + " are needed): come closer to the camera.");
            }
        }
        var first = readings.getFirst();
        for (var reading : readings) {
            if (first.descriptor().cosine(reading.descriptor()) < SAME_FACE_COSINE) {
                return fail("face_changed", "The face in image " + (reading.index() + 1) + " is not the face in image "
                        + (first.index() + 1) + ".");
            }
        }
        var frames = lastIsSelfie ? readings.stream().filter(r -> r.index() < images.size() - 1).toList() : readings;
        double[] eyes = frames.stream().mapToDouble(Reading::eyesOpen).toArray();
        double[] yaws = frames.stream().mapToDouble(r -> r.pose().yaw()).toArray();
        var kept = kept(readings, lastIsSelfie ? images.size() - 1 : -1);
        double prediction = median(readings.stream().mapToDouble(Reading::live).toArray());
        if (frames.size() >= 2 && still(frames)) {
            return fail("liveness_not_confirmed", "The frames are the same still image: a photo or a replay, not a live person.",
                    prediction, kept, eyes, yaws);
        }
        if (prediction < settings.threshold()) {
            return fail("liveness_not_confirmed", String.format("The liveness score %.4f is below the flow's threshold %.2f.",
                    prediction, settings.threshold()), prediction, kept, eyes, yaws);
        }
        var challengeProblem = challenge(settings.challenge(), frames);
        if (challengeProblem != null) {
            return fail("challenge_failed", challengeProblem, prediction, kept, eyes, yaws);
        }
        if (settings.maskCheck() && maskSuspected(readings, frames, settings.threshold())) {
            return fail("mask_attack", "The mask / 3D spoof check did not see a live face throughout the capture.",
                    prediction, kept, eyes, yaws);
        }
        if (settings.eyeOpenCheck() && kept.eyesOpen() < 0.5) {
            return fail("eye_closed", "The eyes were closed on the selfie.", prediction, kept, eyes, yaws);
        }
        return outcome(null, "", prediction, kept, eyes, yaws);
    }

    private Reading read(int index, FacePicture picture, DetectedFace face) {
        var eyes = analyzer.eyes(picture, face.landmarks());
        var aligned = analyzer.aligned(picture, face);
        int[] rgb = aligned.getRGB(0, 0, aligned.getWidth(), aligned.getHeight(), null, 0, aligned.getWidth());
        return new Reading(index, picture, face, analyzer.descriptor(picture, face),
                PassiveScore.calibrated(analyzer.antiSpoof(picture, face.box()).liveScore()),
                (eyes.leftOpen() + eyes.rightOpen()) / 2, analyzer.pose(picture, face.box()), ImageOps.grey(rgb));
    }

    /** The selfie if sent; else the frame with the most open eyes among those facing the camera as the first did. */
    private static Reading kept(List<Reading> readings, int selfieIndex) {
        for (var reading : readings) {
            if (reading.index() == selfieIndex) {
                return reading;
            }
        }
        double yaw0 = readings.getFirst().pose().yaw();
        return readings.stream().filter(r -> Math.abs(r.pose().yaw() - yaw0) < 10)
                .max((a, b) -> Double.compare(a.eyesOpen(), b.eyesOpen())).orElse(readings.getFirst());
    }

    /** No two consecutive aligned faces differ: a camera's noise alone moves every pixel a little. */
    static boolean still(List<Reading> frames) {
        for (int i = 1; i < frames.size(); i++) {
            if (difference(frames.get(i - 1).alignedGrey(), frames.get(i).alignedGrey()) >= STILL_DIFFERENCE) {
                return false;
            }
        }
        return true;
    }

    static double difference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static @Nullable String challenge(String challenge, List<Reading> frames) {
        return switch (challenge) {
            case "blink" -> {
                if (frames.size() < 2) {
                    yield "A blink needs a burst of frames; only " + frames.size() + " was sent.";
                }
                int look = Math.min(3, frames.size() / 2);
                double open = frames.subList(0, look).stream().mapToDouble(Reading::eyesOpen).max().orElse(0);
                if (open < EYES_OPEN) {
                    yield "The eyes were not seen open at the start of the burst, so no blink could be seen.";
                }
                double least = frames.subList(look, frames.size()).stream().mapToDouble(Reading::eyesOpen).min().orElse(1);
                yield open - least >= BLINK_DROP ? null : "No blink was seen in the burst.";
            }
            case "head_turn" -> {
                if (frames.size() < 4) {
                    yield "A head turn needs a burst of at least 4 frames; " + frames.size() + " were sent.";
                }
                // The pose model's yaw jitters by 10-20° between frames of one still face on some photos, so one frame
                // is not enough: two frames after the first three must be turned from their median.
                int look = Math.min(3, frames.size() / 2);
                double start = median(frames.subList(0, look).stream().mapToDouble(r -> r.pose().yaw()).toArray());
                long turned = frames.subList(look, frames.size()).stream()
                        .filter(r -> Math.abs(r.pose().yaw() - start) >= HEAD_TURN_DEGREES).count();
                yield turned >= 2 ? null : String.format(java.util.Locale.ROOT,
                        "No head turn of at least %.0f° was seen in the burst.", HEAD_TURN_DEGREES);
            }
            default -> null;
        };
    }

    /**
     * The mask / 3D check: the passive model must find every image live, not only the median one (a mask's edges or
     * material may show in some frames only), and a burst must show the eyes change (open probability moving by at
     * least 0.3, as in a blink), which a rigid mask or a photo cannot. Real eyes blinking behind a mask's eye holes
     * defeat the second part: see the limits in docs/models.md.
     */
    static boolean maskSuspected(List<Reading> readings, List<Reading> frames, double threshold) {
        if (readings.stream().anyMatch(r -> r.live() < threshold)) {
            return true;
        }
        if (frames.size() < 2) {
            return false;
        }
        double min = frames.stream().mapToDouble(Reading::eyesOpen).min().orElse(1);
        double max = frames.stream().mapToDouble(Reading::eyesOpen).max().orElse(0);
        return max - min < 0.3;
    }

    private Outcome fail(String failure, String detail) {
        return new Outcome(failure, detail, null, null, null, null, -1, new double[0], new double[0]);
    }

    private Outcome fail(String failure, String detail, double prediction, Reading kept, double[] eyes, double[] yaws) {
        return outcome(failure, detail, prediction, kept, eyes, yaws);
    }

    private static Outcome outcome(@Nullable String failure, String detail, double prediction, Reading kept, double[] eyes,
                                   double[] yaws) {
        var box = kept.face().box();
        double[] center = {round(clamp(box.centerX() / kept.picture().width())), round(clamp(box.centerY() / kept.picture().height()))};
        return new Outcome(failure, detail, prediction, kept.eyesOpen() < 0.5, center, direction(kept.pose()), kept.index(),
                eyes, yaws);
    }

    /**
     * From the person's point of view. The pose model reads frontal faces at about +10° yaw (docs/models.md), hence the
     * asymmetric bounds.
     */
    static String direction(HeadPose pose) {
        if (pose.yaw() >= 35) {
            return "right";
        }
        if (pose.yaw() <= -25) {
            return "left";
        }
        if (pose.pitch() >= 25) {
            return "up";
        }
        if (pose.pitch() <= -25) {
            return "down";
        }
        return "forward";
    }

    static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
