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
            ConfigField.bool("require_backside", false, "Also capture the back side (ID cards with the MRZ on the back).")));

    @Override
    public TechnologyCode code() {
        return TechnologyCode.DR;
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public String resultField() {
        return "document_recognition_result";
    }
}
