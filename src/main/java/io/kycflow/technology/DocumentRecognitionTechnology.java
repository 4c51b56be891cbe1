package io.kycflow.technology;

import java.util.List;

import org.springframework.stereotype.Component;

@Component
class DocumentRecognitionTechnology implements TechnologyProvider {

    private static final ConfigSchema SCHEMA = new ConfigSchema("doc_recognition_config", List.of(
            ConfigField.idList("allowed_countries", ConfigField.COUNTRIES,
                    "Issuing countries accepted (ids from kyc://reference/document-recognition-countries); empty = all."),
            ConfigField.idList("allowed_document_types", ConfigField.DOCUMENT_TYPES,
                    "Document types accepted (ids from kyc://reference/document-recognition-document-types); empty = all."),
            ConfigField.integer("max_attempts", 1, 10, 3, "How many document captures the person may try."),
            ConfigField.bool("verify_check_digits", true, "Refuse documents whose ICAO 9303 MRZ check digits do not verify."),
            ConfigField.bool("reject_expired", true, "Refuse documents past their expiry date."),
            ConfigField.bool("require_backside", false, "Also capture the back side (ID cards with the MRZ on the back)."),
            ConfigField.integer("minimum_age", 0, 125, 0,
                    "Refuse holders younger than this many whole years by the MRZ's birth date (0 = no minimum; an unknown birth date then fails)."),
            ConfigField.bool("require_visual_zone_match", false,
                    "Refuse documents whose visual zone (printed surname, given names, number, birth or expiry date) disagrees with the MRZ where it was read: a sign of tampering. Needs Tesseract on the server; without it nothing is refused for this.")));

    private static ResultField visualField(String name, String description) {
        return ResultField.object(name, description,
                ResultField.text("value", "The text read (dates as YYYY-MM-DD); null when the field was not found.").orNull(),
                ResultField.bool("matches_mrz", "Whether it agrees with the MRZ (names transliterated to the MRZ's Latin, OCR slips tolerated); null when not read.").orNull());
    }

    private static final ResultSchema RESULT = new ResultSchema("document_recognition_result", List.of(
            ResultField.object("document", "What was read from the document.",
                    ResultField.text("type", "Document type code, e.g. ID_CARD or PASSPORT."),
                    ResultField.country("issuing_country", "Issuing country, ISO 3166-1 alpha-3."),
                    ResultField.text("number", "Document number."),
                    ResultField.text("surname", "Holder's surname."),
                    ResultField.text("given_names", "Holder's given names."),
                    ResultField.date("birth_date", "Holder's date of birth."),
                    ResultField.date("expiry_date", "Date the document expires.")).orNull(),
            ResultField.bool("mrz_check_digits_valid", "Whether every check digit of the machine-readable zone verifies.").orNull(),
            ResultField.bool("portrait_found", "Whether a portrait was found on the document (the reference face for F2F).").orNull(),
            ResultField.object("visual_zone", "The printed fields (the visual zone) read by OCR and compared with the MRZ; null when the server has no Tesseract or no MRZ was read.",
                    ResultField.bool("read", "Whether any field was found in the visual zone."),
                    ResultField.object("fields", "Each field as printed and whether it agrees with the MRZ.",
                            visualField("surname", "Surname."),
                            visualField("given_names", "Given names."),
                            visualField("document_number", "Document number."),
                            visualField("birth_date", "Date of birth."),
                            visualField("expiry_date", "Date of expiry.")),
                    ResultField.bool("consistent", "Something was read and no field read disagrees with the MRZ.")).orNull()),
            List.of(new FailureCode("document_not_found", "No document was found in the images."),
                    new FailureCode("unsupported_document", "The document is not one of the supported types."),
                    new FailureCode("country_not_allowed", "The issuing country is not allowed by this flow."),
                    new FailureCode("document_type_not_allowed", "The document type is not allowed by this flow."),
                    new FailureCode("mrz_unreadable", "The machine-readable zone could not be read."),
                    new FailureCode("mrz_check_digits_invalid", "The machine-readable zone's check digits do not verify."),
                    new FailureCode("document_expired", "The document has expired."),
                    new FailureCode("no_portrait", "No portrait was found on the document."),
                    new FailureCode("holder_under_minimum_age", "The holder is younger than the flow's minimum age."),
                    new FailureCode("visual_zone_mismatch", "A printed field disagrees with the machine-readable zone (require_visual_zone_match)."),
                    new FailureCode("poor_quality", "The images were too dark, blurred or cut off to read.")));

    @Override
    public TechnologyCode code() {
        return TechnologyCode.DR;
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public ResultSchema resultSchema() {
        return RESULT;
    }
}
