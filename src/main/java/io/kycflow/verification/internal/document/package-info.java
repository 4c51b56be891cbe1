/**
 * The ICAO Doc 9303 machine-readable zone: {@link io.kycflow.verification.internal.document.MrzParser} reads it
 * (check digits, OCR corrections, date centuries), {@link io.kycflow.verification.internal.document.DocumentClassifier}
 * maps it to the reference data's countries and document types, and
 * {@link io.kycflow.verification.internal.document.DocumentChecks} holds the checks document recognition applies
 * (expiry, minimum age, allow-lists). {@link io.kycflow.verification.internal.document.MrzOcr} reads the zone from a
 * photo (our own OCR-B template recogniser), {@link io.kycflow.verification.internal.document.DocumentRecognition}
 * adds the portrait and the visual zone ({@code VisualZoneReader}: the printed fields, read by Debian's Tesseract and
 * compared with the MRZ), and {@code DocumentRecognitionEngine} is the real DR engine.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification.internal.document;
