package io.kycflow.verification.internal.document;

/** The text is not an MRZ of any ICAO format: the message says why (wrong line count or length, foreign characters). */
public class UnreadableMrzException extends RuntimeException {

    public UnreadableMrzException(String reason) {
        super(reason);
    }
}
