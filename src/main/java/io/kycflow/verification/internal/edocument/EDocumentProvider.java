package io.kycflow.verification.internal.edocument;

/**
 * Where e-documents come from: a government e-document gateway ({@link HttpEDocumentGateway}) or, for TEST/DEMO
 * organizations, the sandbox ({@link SandboxEDocuments}). Implementations are called outside any transaction and
 * may block for their timeouts.
 */
interface EDocumentProvider {

    /** Who answers, as {@code provider} in the result block. */
    String name();

    /**
     * @throws EDocumentFailure {@code edocument_not_found}, {@code consent_declined} or {@code edocument_unavailable}
     */
    EDocument fetch(EDocumentQuery query) throws EDocumentFailure;
}
