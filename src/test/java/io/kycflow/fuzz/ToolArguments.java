package io.kycflow.fuzz;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.fuzz.Junk.NODES;

/** Arguments for a tool, derived from its input schema: mostly well-typed, with real ids, sometimes not. */
final class ToolArguments {

    private ToolArguments() {
    }

    static ObjectNode generate(Junk junk, JsonNode schema, HostileRequests.Targets targets) {
        var arguments = NODES.objectNode();
        var required = names(schema.path("required"));
        for (var property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) ? junk.chance(0.95) : junk.chance(0.6)) {
                arguments.set(property.getKey(), value(junk, property.getValue(), targets, 2));
            }
        }
        return arguments;
    }

    /**
     * A flaw that must make any call of a tool that changes state refused: an unknown field (the input schemas are
     * closed), or, past the schema, every id replaced by one that exists nowhere, so the domain refuses it.
     */
    static void poison(Junk junk, ObjectNode arguments, JsonNode schema) {
        if (junk.chance(0.5) && replaceIds(junk, arguments, schema)) {
            return;
        }
        arguments.put("unknown_field_" + junk.between(0, 9), junk.string());
    }

    /** Gives every required id field a fresh random UUID; false when the tool takes no required id. */
    private static boolean replaceIds(Junk junk, ObjectNode arguments, JsonNode schema) {
        boolean replaced = false;
        for (var field : names(schema.path("required"))) {
            var property = schema.path("properties").path(field);
            if (isUuid(property)) {
                arguments.put(field, junk.uuid().toString());
                replaced = true;
            } else if (isUuid(property.path("items"))) {
                arguments.set(field, NODES.arrayNode().add(junk.uuid().toString()));
                replaced = true;
            }
        }
        return replaced;
    }

    private static boolean isUuid(JsonNode schema) {
        return schema.path("format").asString("").equals("uuid");
    }

    private static JsonNode value(Junk junk, JsonNode schema, HostileRequests.Targets targets, int depth) {
        if (junk.chance(0.1)) {
            return junk.value(1);
        }
        for (var alternatives : List.of("anyOf", "oneOf")) {
            if (schema.path(alternatives).isArray() && !schema.path(alternatives).isEmpty()) {
                return value(junk, junk.pick(list(schema.path(alternatives))), targets, depth);
            }
        }
        if (schema.path("enum").isArray() && junk.chance(0.8)) {
            return junk.pick(list(schema.path("enum")));
        }
        var typeNode = schema.path("type");
        var type = typeNode.isArray() ? junk.pick(list(typeNode)).asString() : typeNode.asString("string");
        return switch (type) {
            case "string" -> isUuid(schema) || schema.has("pattern") ? uuid(junk, targets)
                    : NODES.stringNode(junk.string());
            case "integer" -> NODES.numberNode(junk.chance(0.7) ? junk.between(-2, 200) : Integer.MAX_VALUE);
            case "number" -> NODES.numberNode(junk.chance(0.7) ? junk.between(0, 100) / 100.0 : -1e9);
            case "boolean" -> NODES.booleanNode(junk.chance(0.5));
            case "null" -> NODES.nullNode();
            case "array" -> {
                var array = NODES.arrayNode();
                for (int i = junk.between(0, 3); i > 0 && depth > 0; i--) {
                    array.add(value(junk, schema.path("items"), targets, depth - 1));
                }
                yield array;
            }
            case "object" -> depth > 0 && schema.has("properties") ? generate(junk, schema, targets) : junk.object(1);
            default -> junk.value(1);
        };
    }

    private static JsonNode uuid(Junk junk, HostileRequests.Targets targets) {
        return NODES.stringNode(switch (junk.between(0, 4)) {
            case 0 -> targets.flowId().toString();
            case 1 -> targets.sessionId().toString();
            case 2 -> targets.orgId().toString();
            case 3 -> junk.uuid().toString();
            default -> junk.string();
        });
    }

    private static List<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        var values = new ArrayList<JsonNode>();
        array.forEach(values::add);
        return values;
    }
}
