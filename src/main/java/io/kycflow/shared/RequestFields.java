package io.kycflow.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON request object field by field, refusing unknown fields and wrong types with a message that
 * names the field ({@code request_data.name}) — the same wording whether the request came over REST or MCP.
 */
public final class RequestFields {

    private static final int MAX_LIST = 20;

    private final String prefix;
    private final List<String> allowed;

    public RequestFields(String prefix, List<String> allowed) {
        this.prefix = prefix;
        this.allowed = List.copyOf(allowed);
    }

    public ObjectNode object(@Nullable JsonNode data) {
        if (data == null || !data.isObject()) {
            var what = prefix.isEmpty() ? "arguments" : prefix;
            throw KycException.invalid(what, what + " must be a JSON object");
        }
        for (var name : data.propertyNames()) {
            if (!allowed.contains(name)) {
                throw KycException.invalid(path(name), "unknown field " + path(name) + "; allowed fields: "
                        + String.join(", ", allowed));
            }
        }
        return (ObjectNode) data;
    }

    public String requiredText(ObjectNode data, String field, int maxLength) {
        var value = optionalText(data, field, maxLength);
        if (value == null) {
            throw KycException.invalid(path(field), path(field) + " is required");
        }
        return value;
    }

    public @Nullable String optionalText(ObjectNode data, String field, int maxLength) {
        var node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw KycException.invalid(path(field), path(field) + " must be a string");
        }
        var text = node.stringValue().strip();
        if (text.isEmpty() || text.length() > maxLength || text.chars().anyMatch(Character::isISOControl)) {
            throw KycException.invalid(path(field), path(field) + " must be 1 to " + maxLength
                    + " printable characters");
        }
        return text;
    }

    public UUID requiredUuid(ObjectNode data, String field) {
        var node = data.get(field);
        if (node == null || node.isNull()) {
            throw KycException.invalid(path(field), path(field) + " is required");
        }
        return uuid(node, path(field));
    }

    public List<UUID> uuidList(ObjectNode data, String field, boolean required) {
        var node = data.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw KycException.invalid(path(field), path(field) + " is required: a non-empty array of technology ids");
            }
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_LIST) {
            throw KycException.invalid(path(field), path(field) + " must be an array of 1 to " + MAX_LIST + " ids");
        }
        var ids = new ArrayList<UUID>();
        var seen = new HashSet<UUID>();
        for (int i = 0; i < node.size(); i++) {
            var id = uuid(node.get(i), path(field) + "[" + i + "]");
            if (!seen.add(id)) {
                throw KycException.invalid(path(field), path(field) + "[" + i + "] repeats " + id
                        + "; each technology may appear once");
            }
            ids.add(id);
        }
        return ids;
    }

    public @Nullable ObjectNode optionalObject(ObjectNode data, String field) {
        var node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw KycException.invalid(path(field), path(field) + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static UUID uuid(JsonNode node, String path) {
        if (node.isString()) {
            var parsed = parseUuid(node.stringValue());
            if (parsed != null) {
                return parsed;
            }
        }
        throw KycException.invalid(path, path + " must be a UUID such as 3f2c8a4e-1b7d-4c8e-9a51-2d0f6b7e8c91");
    }

    /** Strict UUID parsing: the JDK parser accepts shortened forms like {@code 1-1-1-1-1}. */
    public static @Nullable UUID parseUuid(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An optional integer within [min, max]; absent or null gives {@code defaultValue}. */
    public int integer(ObjectNode data, String field, int min, int max, int defaultValue) {
        var node = data.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw KycException.invalid(path(field), path(field) + " must be an integer between " + min + " and " + max);
        }
        return node.intValue();
    }

    private String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }
}
