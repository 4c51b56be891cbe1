package io.kycflow.reference;

import org.jspecify.annotations.Nullable;

/**
 * An identity document type.
 *
 * @param icaoFormat ICAO 9303 format (TD1, TD2, TD3, MRVA, MRVB), null when the document carries no MRZ
 */
public record DocumentType(int id, String code, String name, @Nullable String icaoFormat,
                           @Nullable String mrzDocumentCode) {
}
