package io.kycflow.verification;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kycflow.session.FailureReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code POST /api/v1/backend/document/parse/}: what the document's machine-readable zone says, with
 * no flow's policy applied (expiry and allow-lists are the caller's to judge). Its JSON Schema is derived from these
 * records.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DocumentParse(
        @JsonPropertyDescription("Reference document type code (PASSPORT, ID_CARD, …); null when unread or unsupported.")
        @Nullable String documentType,
        @JsonPropertyDescription("The machine-readable zone as read; null when none was found or it could not be read.")
        @Nullable MrzFields mrz,
        @JsonPropertyDescription("Whether a portrait was found on the front; null when not looked for (no face models, or no MRZ).")
        @Nullable Boolean portraitFound,
        @JsonPropertyDescription("The printed fields (visual zone) read by OCR and compared with the MRZ; null when the server has no Tesseract, no MRZ was read, or in the sandbox.")
        @Nullable VisualZone visualZone,
        @JsonPropertyDescription("Why nothing (or nothing valid) was read: a DR failure-reason code and a sentence; null when the MRZ was read and verifies.")
        @Nullable FailureReason failureReason,
        @JsonPropertyDescription("True when the sandbox produced this answer (TEST/DEMO organizations): synthetic, not read from the images.")
        boolean sandbox) {

    /** The zone's fields, fillers removed; dates YYYY-MM-DD, countries as printed (ISO alpha-3 or ICAO's codes). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MrzFields(
            @JsonPropertyDescription("TD1, TD2, TD3, MRVA or MRVB.") String format,
            @JsonPropertyDescription("The lines as read, separated by \\n.") String raw,
            @JsonPropertyDescription("Document code, e.g. P, ID, AC.") String documentCode,
            @JsonPropertyDescription("Issuing state's code as printed.") String issuingCountry,
            @JsonPropertyDescription("Document number (a long TD1/TD2 number whole).") String documentNumber,
            @JsonPropertyDescription("Surname.") String surname,
            @JsonPropertyDescription("Given names, space-separated.") String givenNames,
            @JsonPropertyDescription("Nationality code as printed.") String nationality,
            @JsonPropertyDescription("Birth date YYYY-MM-DD; null when unknown or unreadable.") @Nullable String birthDate,
            @JsonPropertyDescription("M, F or X; null when unreadable.") @Nullable String sex,
            @JsonPropertyDescription("Expiry date YYYY-MM-DD; null when none or unreadable.") @Nullable String expiryDate,
            @JsonPropertyDescription("Optional data (TD3: personal number; TD1: both optional data fields, joined by a space when both are set).") String optionalData,
            @JsonPropertyDescription("Whether each check digit verifies.") CheckDigits checkDigits,
            @JsonPropertyDescription("Every check digit verifies and every field is well formed.") boolean valid) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VisualZone(
            @JsonPropertyDescription("Whether any field was found in the visual zone.") boolean read,
            @JsonPropertyDescription("Each field as printed and whether it agrees with the MRZ.") VisualFields fields,
            @JsonPropertyDescription("Something was read and no field read disagrees with the MRZ.") boolean consistent) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VisualFields(VisualField surname, VisualField givenNames, VisualField documentNumber,
                               VisualField birthDate, VisualField expiryDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VisualField(
            @JsonPropertyDescription("The text read (dates as YYYY-MM-DD); null when the field was not found.") @Nullable String value,
            @JsonPropertyDescription("Whether it agrees with the MRZ (names transliterated to the MRZ's Latin, OCR slips tolerated); null when not read.") @Nullable Boolean matchesMrz) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckDigits(
            @JsonPropertyDescription("Document number's check digit verifies.") boolean documentNumber,
            @JsonPropertyDescription("Birth date's check digit verifies.") boolean birthDate,
            @JsonPropertyDescription("Expiry date's check digit verifies.") boolean expiryDate,
            @JsonPropertyDescription("Composite check digit verifies; null for visas, which have none.") @Nullable Boolean composite) {
    }
}
