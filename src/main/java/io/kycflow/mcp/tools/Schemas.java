package io.kycflow.mcp.tools;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.shared.JsonSchemas;
import io.kycflow.technology.ConfigSchema;

/**
 * A small JSON Schema vocabulary for tool input and output schemas, so schemas read like the payloads. Every schema
 * has a single {@code type} (or is an {@code anyOf} of such schemas): no {@code type} arrays, which clients mapping tool
 * schemas onto a single-type dialect reject or mangle ({@code McpSchemaPortabilityTests} and scripts/mcp-checks hold
 * the line).
 */
final class Schemas {

    static final String UUID_PATTERN = JsonSchemas.UUID_PATTERN;

    private Schemas() {
    }

    /** Properties as alternating name, schema pairs. */
    static Props props(Object... pairs) {
        var props = new Props();
        for (int i = 0; i < pairs.length; i += 2) {
            props.put((String) pairs[i], pairs[i + 1]);
        }
        return props;
    }

    /** A closed object: the input schemas refuse unknown fields, as the tools do. */
    static Map<String, Object> input(Props properties, String... required) {
        var schema = object(properties, required);
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> object(Props properties, String... required) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (required.length > 0) {
            schema.put("required", List.of(required));
        }
        return schema;
    }

    static Map<String, Object> anyObject(String description) {
        return Map.of("type", "object", "description", description);
    }

    static Map<String, Object> text(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> text(String description, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", 1, "maxLength", maxLength);
    }

    static Map<String, Object> uuid(String description) {
        return Map.of("type", "string", "format", "uuid", "pattern", UUID_PATTERN, "description", description);
    }

    static Map<String, Object> integer(String description, int minimum, int maximum, int defaultValue) {
        return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum,
                "default", defaultValue);
    }

    static Map<String, Object> integer() {
        return Map.of("type", "integer");
    }

    static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    static Map<String, Object> oneOf(String description, Object... values) {
        return Map.of("type", "string", "enum", Arrays.asList(values), "description", description);
    }

    /** A value of one type, or JSON null (as {@code anyOf}: see {@link JsonSchemas#nullable}). */
    static Map<String, Object> nullable(String type) {
        return JsonSchemas.nullable(Map.of("type", type));
    }

    /** The given single-typed schema, or JSON null. */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        return JsonSchemas.nullable(schema);
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    static Map<String, Object> timestamp() {
        return Map.of("type", "string", "format", "date-time");
    }

    static Map<String, Object> nullableTimestamp() {
        return nullable(timestamp());
    }

    /** An object whose properties are the given config schemas, keyed by their config field. */
    static Map<String, Object> configs(List<ConfigSchema> schemas, String description) {
        var properties = new Props();
        schemas.forEach(schema -> properties.put(schema.name(), schema.jsonSchema()));
        var schema = object(properties);
        schema.put("additionalProperties", false);
        schema.put("description", description);
        return schema;
    }

    static final class Props extends LinkedHashMap<String, Object> {
        Props with(String name, Object schema) {
            put(name, schema);
            return this;
        }
    }
}
