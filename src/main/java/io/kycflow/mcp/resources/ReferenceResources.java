package io.kycflow.mcp.resources;

import java.util.List;
import java.util.function.Supplier;

import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.reference.ReferenceData;
import io.kycflow.technology.TechnologyCatalog;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four {@code kyc://reference/*} resources an agent reads before {@code create_flow}. Defaults come straight
 * from the config declarations; countries and document types from the reference tables.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceResources {

    private final JsonMapper json;

    ReferenceResources(JsonMapper json) {
        this.json = json;
    }

    @Bean
    SyncResourceSpecification flowConfigDefaults() {
        return resource("kyc://reference/flow-config-defaults", "flow-config-defaults", "Flow config defaults",
                "Current platform defaults for every flow_config field (redirect URLs, QR display, mobile-only, "
                        + "fingerprint check, session TTL, locale).",
                () -> FlowConfigSchema.SCHEMA.defaults().toString());
    }

    @Bean
    SyncResourceSpecification technologyConfigDefaults(TechnologyCatalog catalog) {
        return resource("kyc://reference/technology-config-defaults", "technology-config-defaults",
                "Technology config defaults",
                "Current platform defaults of every per-technology config, keyed by config field name "
                        + "(liveness_config, doc_recognition_config, face2face_config, edocument_config, "
                        + "digital_signature_config).",
                () -> {
                    var node = json.createObjectNode();
                    catalog.all().forEach(t -> node.set(t.configField(), t.configSchema().defaults()));
                    return node.toString();
                });
    }

    @Bean
    SyncResourceSpecification documentRecognitionCountries(ReferenceData reference) {
        return resource("kyc://reference/document-recognition-countries", "document-recognition-countries",
                "Document recognition countries",
                "Active countries (ISO 3166-1) whose ids are usable in doc_recognition_config.allowed_countries; "
                        + "id is the ISO numeric code.",
                () -> {
                    var node = json.createObjectNode();
                    node.put("count", reference.countries().size());
                    node.set("countries", json.valueToTree(reference.countries()));
                    return node.toString();
                });
    }

    @Bean
    SyncResourceSpecification documentRecognitionDocumentTypes(ReferenceData reference) {
        return resource("kyc://reference/document-recognition-document-types", "document-recognition-document-types",
                "Document recognition document types",
                "Active identity document types whose ids are usable in doc_recognition_config.allowed_document_types, "
                        + "with their ICAO 9303 format (TD1, TD2, TD3, MRVA, MRVB; null when there is no MRZ).",
                () -> {
                    var node = json.createObjectNode();
                    node.put("count", reference.documentTypes().size());
                    node.set("document_types", json.valueToTree(reference.documentTypes()));
                    return node.toString();
                });
    }

    private static SyncResourceSpecification resource(String uri, String name, String title, String description,
                                                      Supplier<String> content) {
        var resource = Resource.builder(uri, name).title(title).description(description).mimeType("application/json").build();
        return new SyncResourceSpecification(resource, (exchange, request) -> new ReadResourceResult(List.of(
                TextResourceContents.builder(uri, content.get()).mimeType("application/json").build())));
    }
}
