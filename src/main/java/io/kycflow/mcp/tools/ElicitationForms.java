package io.kycflow.mcp.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.shared.KycException;
import io.kycflow.technology.ConfigField;
import io.kycflow.technology.ConfigSchema;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elicitation forms derived from a technology's config declaration: MCP forms allow flat primitive fields only,
 * so id lists travel as comma-separated text and are turned back into arrays before validation.
 */
final class ElicitationForms {

    private ElicitationForms() {
    }

    static Map<String, Object> form(ConfigSchema schema) {
        var properties = new LinkedHashMap<String, Object>();
        for (var field : schema.fields()) {
            properties.put(field.name(), property(field));
        }
        return Map.of("type", "object", "properties", properties, "required", List.of());
    }

    /** Converts a form answer into a config object; {@link ConfigSchema#resolve} then validates it. */
    static ObjectNode answer(ConfigSchema schema, Map<String, Object> content, tools.jackson.databind.json.JsonMapper json) {
        var config = JsonNodeFactory.instance.objectNode();
        for (var field : schema.fields()) {
            if (!content.containsKey(field.name())) {
                continue;
            }
            var value = content.get(field.name());
            if (field.type() == ConfigField.Type.ID_LIST && value instanceof String text) {
                config.set(field.name(), ids(schema.name() + "." + field.name(), text));
            } else if (field.type() == ConfigField.Type.ORIGIN_LIST && value instanceof String text) {
                var origins = JsonNodeFactory.instance.arrayNode();
                for (var part : text.split(",")) {
                    if (!part.isBlank()) {
                        origins.add(part.strip());
                    }
                }
                config.set(field.name(), origins);
            } else {
                config.set(field.name(), json.valueToTree(value));
            }
        }
        return config;
    }

    private static Map<String, Object> property(ConfigField field) {
        var property = new LinkedHashMap<String, Object>();
        var title = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1).replace('_', ' ');
        property.put("title", title);
        switch (field.type()) {
            case BOOLEAN -> property.put("type", "boolean");
            case INTEGER -> property.put("type", "integer");
            case NUMBER -> property.put("type", "number");
            case STRING, URL -> property.put("type", "string");
            case ENUM -> {
                property.put("type", "string");
                property.put("enum", field.allowedValues());
            }
            case ID_LIST, ORIGIN_LIST -> property.put("type", "string");
        }
        if (field.type() == ConfigField.Type.INTEGER || field.type() == ConfigField.Type.NUMBER) {
            property.put("minimum", field.minimum());
            property.put("maximum", field.maximum());
        }
        if (field.type() == ConfigField.Type.ID_LIST) {
            property.put("description", field.description() + " Comma-separated ids; leave empty for no restriction.");
            property.put("default", "");
        } else if (field.type() == ConfigField.Type.ORIGIN_LIST) {
            property.put("description", field.description() + " Comma-separated origins; leave empty for none.");
            property.put("default", "");
        } else {
            property.put("description", field.description());
            if (field.defaultValue() != null) {
                property.put("default", field.defaultValue());
            }
        }
        return property;
    }

    private static tools.jackson.databind.node.ArrayNode ids(String path, String text) {
        var array = JsonNodeFactory.instance.arrayNode();
        for (var part : text.split(",")) {
            var item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            try {
                array.add(Integer.parseInt(item));
            } catch (NumberFormatException e) {
                throw KycException.invalid(path, path + " must be comma-separated integer ids; '" + item + "' is not one");
            }
        }
        return array;
    }
}
