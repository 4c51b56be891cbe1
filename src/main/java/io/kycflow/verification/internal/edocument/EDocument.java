package io.kycflow.verification.internal.edocument;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person's e-document as a provider returned it.
 *
 * @param photo            the document's portrait (JPEG or PNG), null when the provider has none
 * @param photoContentType its media type, checked against its magic bytes
 */
record EDocument(String documentType, String documentNumber, String surname, String givenNames, LocalDate birthDate,
                 @Nullable LocalDate expiryDate, byte @Nullable [] photo, @Nullable String photoContentType) {

    @Override
    public String toString() { // personal data never reaches a log line by accident
        return "EDocument[" + documentType + ", photo=" + (photo != null) + "]";
    }
}
