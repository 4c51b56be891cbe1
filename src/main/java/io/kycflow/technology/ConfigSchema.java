package io.kycflow.technology;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kycflow.shared.JsonSchemas;
import io.kycflow.shared.KycException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The declared configuration of one technology (or of the flow itself): its fields with types, ranges, enums and
 * defaults. {@link #resolve} validates a caller's partial config and fills in the defaults.
 *
 * @param name the key of this config in requests, e.g. {@code liveness_config}
 */
public record ConfigSchema(String name, List<ConfigField> fields) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ID_LIST = 300;

    public ConfigSchema {
        fields = List.copyOf(fields);
    }

    public ObjectNode defaults() {
        var node = NODES.objectNode();
        fields.forEach(field -> node.set(field.name(), toNode(field.defaultValue())));
        return node;
    }

    /**
     * Validates {@code input} (absent means "all defaults") and returns the complete config with defaults filled
     * in. Refuses unknown fields and wrong values with a message naming {@code name.field} and the rule broken.
     */
    public ObjectNode resolve(@Nullable JsonNode input, IdLookup ids) {
        var resolved = defaults();
        if (input == null || input.isNull() || input.isMissingNode()) {
            return resolved;
        }
        if (!input.isObject()) {
            throw KycException.invalid(name, name + " must be a JSON object");
        }
        var known = fields.stream().collect(Collectors.toMap(ConfigField::name, f -> f));
        for (var entry : input.properties()) {
            var field = known.get(entry.getKey());
            if (field == null) {
                throw KycException.invalid(path(entry.getKey()), "unknown field " + path(entry.getKey())
                        + "; allowed fields: " + String.join(", ", known.keySet()));
            }
            resolved.set(field.name(), check(field, entry.getValue(), ids));
        }
        return resolved;
    }

    /** PATCH semantics: fields in {@code patch} replace those of {@code current}; the result is re-validated. */
    public ObjectNode merge(JsonNode current, @Nullable JsonNode patch, IdLookup ids) {
        var merged = current.isObject() ? ((ObjectNode) current).deepCopy() : NODES.objectNode();
        if (patch != null && !patch.isNull() && !patch.isObject()) {
            throw KycException.invalid(name, name + " must be a JSON object");
        }
        if (patch != null && patch.isObject()) {
            patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        }
        return resolve(merged, ids);
    }

    /** A JSON Schema (draft 2020-12 subset) of this config, for tool input schemas and documentation. */
    public Map<String, Object> jsonSchema() {
        var properties = new LinkedHashMap<String, Object>();
        for (var field : fields) {
            properties.put(field.name(), fieldSchema(field));
        }
        return Map.of("type", "object", "properties", properties, "additionalProperties", false);
    }

    /**
     * One field's schema. Nullable fields (URLs: null means unset, and in a PATCH null clears the value while absent
     * keeps it) are {@code anyOf} their typed branch and {@code {"type": "null"}}, never a {@code type} array.
     */
    private static Map<String, Object> fieldSchema(ConfigField field) {
        var value = new LinkedHashMap<String, Object>();
        switch (field.type()) {
            case BOOLEAN -> value.put("type", "boolean");
            case INTEGER -> value.put("type", "integer");
            case NUMBER -> value.put("type", "number");
            case STRING -> value.put("type", "string");
            case ENUM -> {
                value.put("type", "string");
                value.put("enum", field.allowedValues());
            }
            case URL -> {
                value.put("type", "string");
                value.put("format", "uri");
            }
            case ID_LIST -> {
                value.put("type", "array");
                value.put("items", Map.of("type", "integer"));
                value.put("uniqueItems", true);
            }
            case ORIGIN_LIST -> {
                value.put("type", "array");
                value.put("items", Map.of("type", "string", "maxLength", Origins.MAX_LENGTH,
                        "description", "An origin: scheme://host[:port], e.g. https://shop.example"));
                value.put("uniqueItems", true);
                value.put("maxItems", field.maximum());
            }
        }
        if (field.type() == ConfigField.Type.STRING || field.type() == ConfigField.Type.URL) {
            if (field.maximum() != null) {
                value.put("maxLength", field.maximum());
            }
        } else if (field.type() != ConfigField.Type.ORIGIN_LIST) {
            if (field.minimum() != null) {
                value.put("minimum", field.minimum());
            }
            if (field.maximum() != null) {
                value.put("maximum", field.maximum());
            }
        }
        var schema = new LinkedHashMap<String, Object>(field.nullable() ? JsonSchemas.nullable(value) : value);
        schema.put("description", field.description());
        if (field.defaultValue() != null) {
            schema.put("default", field.defaultValue());
        }
        return schema;
    }

    private JsonNode check(ConfigField field, JsonNode value, IdLookup ids) {
        var path = path(field.name());
        if (value.isNull()) {
            if (field.nullable()) {
                return value;
            }
            throw KycException.invalid(path, path + " must not be null");
        }
        return switch (field.type()) {
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw KycException.invalid(path, path + " must be a boolean (true or false)");
                }
                yield value;
            }
            case INTEGER -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw KycException.invalid(path, path + " must be an integer");
                }
                inRange(field, path, value.intValue());
                yield value;
            }
            case NUMBER -> {
                if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                    throw KycException.invalid(path, path + " must be a number");
                }
                inRange(field, path, value.doubleValue());
                yield NODES.numberNode(value.doubleValue());
            }
            case STRING -> {
                if (!value.isString() || value.stringValue().length() > field.maximum().intValue()) {
                    throw KycException.invalid(path, path + " must be a string of at most " + field.maximum() + " characters");
                }
                yield value;
            }
            case ENUM -> {
                if (!value.isString() || !field.allowedValues().contains(value.stringValue())) {
                    throw KycException.invalid(path, path + " must be one of " + field.allowedValues());
                }
                yield value;
            }
            case URL -> {
                if (!value.isString() || !isHttpUrl(value.stringValue(), field.maximum().intValue())) {
                    throw KycException.invalid(path, path + " must be an absolute http(s) URL of at most "
                            + field.maximum() + " characters, or null");
                }
                yield value;
            }
            case ID_LIST -> checkIds(field, path, value, ids);
            case ORIGIN_LIST -> Origins.check(path, value, field.maximum().intValue());
        };
    }

    private static ArrayNode checkIds(ConfigField field, String path, JsonNode value, IdLookup ids) {
        if (!value.isArray() || value.size() > MAX_ID_LIST) {
            throw KycException.invalid(path, path + " must be an array of at most " + MAX_ID_LIST + " integer ids");
        }
        var seen = new HashSet<Integer>();
        var result = NODES.arrayNode();
        for (var item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw KycException.invalid(path, path + " must contain integer ids only");
            }
            int id = item.intValue();
            if (!ids.exists(field.reference(), id)) {
                throw KycException.invalid(path, path + " contains unknown id " + id + " (see the " + field.reference()
                        + " reference resource)");
            }
            if (seen.add(id)) {
                result.add(id);
            }
        }
        return result;
    }

    private static void inRange(ConfigField field, String path, double value) {
        if ((field.minimum() != null && value < field.minimum().doubleValue())
                || (field.maximum() != null && value > field.maximum().doubleValue())) {
            throw KycException.invalid(path, path + " must be between " + field.minimum() + " and " + field.maximum());
        }
    }

    private static boolean isHttpUrl(String text, int maxLength) {
        if (text.length() > maxLength) {
            return false;
        }
        try {
            var uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private String path(String field) {
        return name + "." + field;
    }

    private static JsonNode toNode(@Nullable Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Double d -> NODES.numberNode(d);
            case String s -> NODES.stringNode(s);
            case List<?> list -> {
                var array = NODES.arrayNode();
                list.forEach(item -> array.add(toNode(item)));
                yield array;
            }
            default -> throw new IllegalArgumentException("unsupported default " + value);
        };
    }
}
