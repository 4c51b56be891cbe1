package io.kycflow.verification.internal.signature;

/** A check failed: a failure-reason code of {@code digital_signature_result} and a sentence for people. */
final class SignatureFailure extends Exception {

    private final String code;

    SignatureFailure(String code, String detail) {
        super(detail, null, false, false); // a verdict, not an error: no stack trace to fill
        this.code = code;
    }

    String code() {
        return code;
    }
}
