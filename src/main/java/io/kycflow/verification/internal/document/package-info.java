/**
 * The ICAO Doc 9303 machine-readable zone: {@link io.kycflow.verification.internal.document.MrzParser} reads it
 * (check digits, OCR corrections, date centuries).
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification.internal.document;
