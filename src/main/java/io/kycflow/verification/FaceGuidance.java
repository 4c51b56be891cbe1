package io.kycflow.verification;

import java.util.Locale;

import io.kycflow.shared.KycException;
import io.kycflow.verification.internal.face.FaceBox;
import io.kycflow.verification.internal.face.FaceEngines;
import org.springframework.stereotype.Component;

/**
 * Live guidance for the selfie camera: where the face is in one small preview frame, against the oval the page draws
 * (centred a little above the middle, about 62 % of the frame's height). Detection only, on the face engines' bounded
 * pool, so a preview costs one detector run (plus its confirmation pass) and never a descriptor or anti-spoof run.
 * Guidance is advice, not a verdict: nothing is stored, logged or counted as an attempt.
 */
@Component
public class FaceGuidance {

    /** Longest side of a preview frame: the detector's input is 320 × 240, a larger frame would only cost decoding. */
    public static final int MAX_SIDE = 320;
    /** A preview frame is a small JPEG; anything larger is not a preview. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Face box height as a share of the frame's: below is too far, above too close (the oval is ~62 %). */
    static final double MIN_HEIGHT = 0.35;
    static final double MAX_HEIGHT = 0.80;
    /** The oval's centre in the frame, and how far (as a share of the frame) the face's centre may stray from it. */
    static final double OVAL_X = 0.50;
    static final double OVAL_Y = 0.47;
    static final double CENTER_SLACK_X = 0.15;
    static final double CENTER_SLACK_Y = 0.15;
    /** Faces smaller than this share of the largest are people far behind, not a second person at the camera. */
    static final double OTHER_FACE_SHARE = 0.5;

    /** What the page should tell the person; {@link #UNAVAILABLE}: no face models here, keep the page's own hints. */
    public enum Hint {
        OK, NO_FACE, SEVERAL_FACES, TOO_FAR, TOO_CLOSE, OFF_CENTER, UNAVAILABLE;

        /** The wire value, e.g. {@code too_far}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final FaceEngines engines;

    public FaceGuidance(FaceEngines engines) {
        this.engines = engines;
    }

    /**
     * @param jpeg one preview frame, already checked as a JPEG of bounded dimensions by its header
     * @throws KycException 400 {@code guidance_frame} when it is larger than {@link #MAX_SIDE} or cannot be decoded
     */
    public Hint guide(byte[] jpeg, int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new KycException(KycException.Kind.INVALID, "guidance_frame", "frame", "A guidance frame is at most "
                    + MAX_SIDE + " pixels on a side; this one is " + width + "×" + height + ".");
        }
        if (!engines.available()) {
            return Hint.UNAVAILABLE;
        }
        return engines.run(() -> guideHere(jpeg));
    }

    /** {@link #guide} on the calling thread (the bench measures it there): decoding, detection, the hint. */
    public Hint guideHere(byte[] jpeg) {
        var picture = FaceEngines.decode(jpeg);
        if (picture == null) {
            throw new KycException(KycException.Kind.INVALID, "guidance_frame", "frame",
                    "The guidance frame could not be read as a JPEG image.");
        }
        return hint(engines.analyzer().detect(picture), picture.width(), picture.height());
    }

    static Hint hint(java.util.List<FaceBox> faces, int width, int height) {
        if (faces.isEmpty()) {
            return Hint.NO_FACE;
        }
        var largest = faces.stream().max(java.util.Comparator.comparingDouble(FaceBox::height)).orElseThrow();
        long near = faces.stream().filter(face -> face.height() >= OTHER_FACE_SHARE * largest.height()).count();
        if (near > 1) {
            return Hint.SEVERAL_FACES;
        }
        double share = largest.height() / height;
        if (share < MIN_HEIGHT) {
            return Hint.TOO_FAR;
        }
        if (share > MAX_HEIGHT) {
            return Hint.TOO_CLOSE;
        }
        if (Math.abs(largest.centerX() / width - OVAL_X) > CENTER_SLACK_X
                || Math.abs(largest.centerY() / height - OVAL_Y) > CENTER_SLACK_Y) {
            return Hint.OFF_CENTER;
        }
        return Hint.OK;
    }
}
