package io.kycflow.verification.internal.face;

/**
 * The face models are not installed or did not load, so no real face check can be made; an engine turns this into
 * {@code engine_unavailable}, never into a result.
 */
public class FaceModelsUnavailableException extends IllegalStateException {

    public FaceModelsUnavailableException(String reason) {
        super(reason);
    }
}
