package io.kycflow.technology;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

@Component
class EDocumentTechnology implements TechnologyProvider {

    private static final ConfigSchema SCHEMA = new ConfigSchema("edocument_config", List.of(
            ConfigField.oneOf("document_type", List.of("IdentityCard", "Passport", "DriverLicense", "ResidencePermit"),
                    "IdentityCard", "Which digital document to fetch from the e-document provider."),
            ConfigField.integer("max_retry_attempts", 0, 10, 3, "How many times the person may retry the fetch."),
            ConfigField.bool("allow_retry", true, "Whether the person may retry at all after a failed fetch.")));

    private static final ResultSchema RESULT = new ResultSchema("edocument_result", List.of(
            ResultField.text("document_type", "Type of the e-document that was found, e.g. IdentityCard.").orNull(),
            ResultField.object("person", "Who the e-document belongs to.",
                    ResultField.text("surname", "Surname."),
                    ResultField.text("given_names", "Given names."),
                    ResultField.date("birth_date", "Date of birth.")).orNull()),
            List.of(new FailureCode("edocument_not_found", "The e-document provider found no document for the person."),
                    new FailureCode("edocument_unavailable", "The e-document provider could not be reached."),
                    new FailureCode("consent_declined", "The person declined to share the e-document."),
                    new FailureCode("edocument_expired", "The e-document the provider holds has expired.")));

    @Override
    public TechnologyCode code() {
        return TechnologyCode.ED;
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public int maxAttempts(JsonNode config) {
        return config.path("allow_retry").asBoolean(true) ? 1 + config.path("max_retry_attempts").asInt(0) : 1;
    }

    @Override
    public ResultSchema resultSchema() {
        return RESULT;
    }
}
