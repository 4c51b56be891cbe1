/**
 * The face pipeline the real LD and F2F engines are built on: {@link io.kycflow.verification.internal.face.FaceModels}
 * (ONNX models loaded once from {@code $KYCFLOW_MODELS_DIR/face}, or an "unavailable" state), and
 * {@link io.kycflow.verification.internal.face.FaceAnalyzer}: detection with landmarks, alignment, descriptor,
 * quality, passive anti-spoof and eye state, in pure Java around ONNX Runtime (no OpenCV).
 * {@link io.kycflow.verification.internal.face.Similarity} maps a descriptor cosine to the [0, 1] similarity that
 * {@code face2face_config.threshold} is compared with. Models and their provenance: docs/models.md.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification.internal.face;
