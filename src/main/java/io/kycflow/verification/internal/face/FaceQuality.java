package io.kycflow.verification.internal.face;

/**
 * What says whether a face is good enough to compare: its size in the picture (box height and the distance between
 * the eyes, in pixels), its sharpness (variance of the Laplacian on the aligned 112 × 112 grey face: lower is
 * blurrier) and its pose.
 */
public record FaceQuality(double faceHeightPx, double interOcularPx, double blurVariance, HeadPose pose) {
}
