package io.kycflow.verification.internal.face;

/**
 * Head rotation in degrees, as the pose model estimates it from the picture: yaw (turn; positive when the face
 * points towards the picture's left, i.e. the person's right), pitch (nod) and roll (tilt). Each in about [-99, 99].
 */
public record HeadPose(double yaw, double pitch, double roll) {
}
