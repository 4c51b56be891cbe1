package io.kycflow.media;

/** What a stored image shows; stored by name. */
public enum MediaKind {
    SELFIE,
    LIVENESS_FRAME,
    DOCUMENT_FRONT,
    DOCUMENT_BACK,
    DOCUMENT_PORTRAIT
}
