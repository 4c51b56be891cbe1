/**
 * Verification engines behind one interface ({@link io.kycflow.verification.VerificationEngine}), one per
 * technology, chosen by {@link io.kycflow.verification.VerificationEngines}: the sandbox engine for TEST/DEMO
 * organizations (every block labelled {@code "sandbox": true}), real engines for PRODUCTION: the digital-signature
 * engine always, the e-document engine when a gateway is configured; a PRODUCTION step without a real engine is
 * refused with {@code engine_unavailable}, never faked.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification;
