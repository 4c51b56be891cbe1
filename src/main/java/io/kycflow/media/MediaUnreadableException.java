package io.kycflow.media;

/**
 * A stored object that cannot be turned back into its bytes: its blob is missing, or it does not decrypt (another
 * master key, or the blob was altered or moved to another id). An operator's problem, not a client's.
 */
public class MediaUnreadableException extends RuntimeException {

    public MediaUnreadableException(String message) {
        super(message, null, false, false);
    }
}
