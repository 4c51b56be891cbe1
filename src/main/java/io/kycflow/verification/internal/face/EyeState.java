package io.kycflow.verification.internal.face;

/**
 * The eye model's probability that each eye is open (0–1): the eye on the picture's left (landmarks 36–41) and the
 * other one (42–47).
 */
public record EyeState(double leftOpen, double rightOpen) {

    /** Both eyes' probability of being open reaches {@code threshold}. */
    public boolean bothOpen(double threshold) {
        return leftOpen >= threshold && rightOpen >= threshold;
    }
}
