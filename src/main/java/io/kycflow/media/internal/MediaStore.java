package io.kycflow.media.internal;

/**
 * Where sealed media blobs live, by storage key ({@code media/<org>/<session>/<id>}). {@link #put} returns once the
 * blob is durable; blobs are written once and never replaced.
 */
public interface MediaStore extends AutoCloseable {

    void put(String key, byte[] sealed);

    /** @throws Missing when no blob is stored under the key */
    byte[] get(String key);

    void delete(String key);

    /** Human-readable description of where blobs go, for the start-up log (no credentials). */
    String describe();

    /** Declared here so that the bean's close is known from its type, as an AOT-processed build needs. */
    @Override
    default void close() {
    }

    final class Missing extends RuntimeException {

        public Missing(String key) {
            super("no blob under " + key, null, false, false);
        }
    }

    /** The store failed (I/O, network, permissions); the message names no credentials. */
    final class Failure extends RuntimeException {

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
