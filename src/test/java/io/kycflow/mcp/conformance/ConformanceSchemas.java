package io.kycflow.mcp.conformance;

import java.util.List;
import java.util.Map;

/** The elicitation schemas the conformance suite inspects field by field (SEP-1034 defaults, SEP-1330 enums). */
final class ConformanceSchemas {

    static final Map<String, Object> DEFAULTS = Map.of("type", "object", "required", List.of(), "properties", Map.of(
            "name", Map.of("type", "string", "description", "User name", "default", "John Doe"),
            "age", Map.of("type", "integer", "description", "User age", "default", 30),
            "score", Map.of("type", "number", "description", "User score", "default", 95.5),
            "status", Map.of("type", "string", "description", "User status", "enum", List.of("active", "inactive", "pending"),
                    "default", "active"),
            "verified", Map.of("type", "boolean", "description", "Verification status", "default", true)));

    static final Map<String, Object> ENUMS = Map.of("type", "object", "required", List.of(), "properties", Map.of(
            "untitledSingle", Map.of("type", "string", "description", "Select one option",
                    "enum", List.of("option1", "option2", "option3")),
            "titledSingle", Map.of("type", "string", "description", "Select one option with titles", "oneOf", List.of(
                    Map.of("const", "value1", "title", "First Option"), Map.of("const", "value2", "title", "Second Option"),
                    Map.of("const", "value3", "title", "Third Option"))),
            "legacyEnum", Map.of("type", "string", "description", "Select one option (legacy)",
                    "enum", List.of("opt1", "opt2", "opt3"), "enumNames", List.of("Option One", "Option Two", "Option Three")),
            "untitledMulti", Map.of("type", "array", "description", "Select multiple options", "minItems", 1, "maxItems", 3,
                    "items", Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))),
            "titledMulti", Map.of("type", "array", "description", "Select multiple options with titles", "minItems", 1,
                    "maxItems", 3, "items", Map.of("anyOf", List.of(Map.of("const", "value1", "title", "First Choice"),
                            Map.of("const", "value2", "title", "Second Choice"), Map.of("const", "value3", "title", "Third Choice"))))));

    private ConformanceSchemas() {
    }
}
