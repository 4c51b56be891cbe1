/**
 * Verification engines behind one interface ({@link io.kycflow.verification.VerificationEngine}), one per
 * technology, chosen by {@link io.kycflow.verification.VerificationEngines}: the sandbox engine for TEST/DEMO
 * organizations (every block labelled {@code "sandbox": true}), real engines for PRODUCTION: LD and F2F
 * ({@code internal.face}, when the face models are installed), document recognition (when the OCR-B font is
 * installed), digital signature always, e-document when a gateway is configured. A PRODUCTION step without a real
 * engine is refused with {@code engine_unavailable}, never faked. {@link io.kycflow.verification.DirectChecks} and
 * {@link io.kycflow.verification.DocumentReader} run the same engines outside sessions (the Backend Integration API).
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification;
