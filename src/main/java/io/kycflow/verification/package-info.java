/**
 * Verification engines behind one interface ({@link io.kycflow.verification.VerificationEngine}), one per
 * technology, chosen by {@link io.kycflow.verification.VerificationEngines}: the sandbox engine for TEST/DEMO
 * organizations (every block labelled {@code "sandbox": true}), real engines for PRODUCTION: digital signature
 * always, document recognition when the OCR-B font is installed, the e-document engine when a gateway is
 * configured; a PRODUCTION step without a real engine is refused with {@code engine_unavailable}, never faked.
 * {@link io.kycflow.verification.DocumentReader} serves the Backend Integration API's document parse with the same
 * reader.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification;
