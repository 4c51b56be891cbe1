/**
 * The digital-signature engine (DSI, DSN, DSS): a CMS / PKCS#7 signature over the session's signing challenge,
 * verified with BouncyCastle against the flow's trusted certificate authorities, with the signer certificate's
 * validity, key usage, qualified status, identity and (when asked) revocation by OCSP or CRL.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification.internal.signature;
