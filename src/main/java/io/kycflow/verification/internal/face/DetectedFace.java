package io.kycflow.verification.internal.face;

/** One face found in a picture: its box and its 68 landmarks (from which the 5 alignment points come). */
public record DetectedFace(FaceBox box, Landmarks landmarks) {
}
