/**
 * Verification media (selfies, liveness frames, document images): encrypted at rest (AES-256-GCM under a subkey of
 * the master key), kept in a folder of the data directory or an S3-compatible store, and served only through
 * short-lived signed URLs bound to a viewer, each serve recorded in {@code media_access}.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.media;
