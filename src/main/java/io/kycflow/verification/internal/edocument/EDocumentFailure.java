package io.kycflow.verification.internal.edocument;

/** The provider gave no document: a failure-reason code of {@code edocument_result} and a sentence for people. */
final class EDocumentFailure extends Exception {

    static final String NOT_FOUND = "edocument_not_found";
    static final String UNAVAILABLE = "edocument_unavailable";
    static final String CONSENT_DECLINED = "consent_declined";
    static final String EXPIRED = "edocument_expired";

    private final String code;

    EDocumentFailure(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
