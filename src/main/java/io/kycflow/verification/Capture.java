package io.kycflow.verification;

/**
 * One image or file the person sent for a step.
 *
 * @param kind        what it shows: {@code frame} (liveness burst), {@code selfie}, {@code document_front},
 *                    {@code iin} (ED: the person's IIN as text, never stored as media),
 *                    {@code document_back}, {@code signed_file}
 * @param contentType the media type its magic bytes were checked against
 */
public record Capture(String kind, String contentType, byte[] bytes) {
}
