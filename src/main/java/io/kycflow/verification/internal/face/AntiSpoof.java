package io.kycflow.verification.internal.face;

/**
 * The passive anti-spoof model's answer for one face: {@code liveScore} is the probability it gives to "a live face
 * in front of the camera" (0–1); {@code classProbabilities} are its three classes as output (softmax).
 */
public record AntiSpoof(double liveScore, double[] classProbabilities) {

    public AntiSpoof {
        classProbabilities = classProbabilities.clone();
    }

    @Override
    public double[] classProbabilities() {
        return classProbabilities.clone();
    }
}
