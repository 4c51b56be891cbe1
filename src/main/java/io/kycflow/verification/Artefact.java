package io.kycflow.verification;

/** Something a step produced that later steps use: the selfie LD kept, the reference face DR or ED extracted. */
public record Artefact(String name, String contentType, byte[] bytes) {

    public static final String SELFIE = "selfie";
    public static final String REFERENCE_FACE = "reference_face";
}
