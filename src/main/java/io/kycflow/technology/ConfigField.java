package io.kycflow.technology;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a technology's (or the flow's) configuration, declared once. Validation, the defaults resource,
 * JSON schemas for tools and the elicitation forms are all derived from these declarations.
 *
 * @param reference for {@link Type#ID_LIST}: which reference list the ids come from ({@code countries},
 *                  {@code document_types})
 */
public record ConfigField(String name, Type type, String description, @Nullable Object defaultValue,
                          @Nullable Number minimum, @Nullable Number maximum, List<String> allowedValues,
                          @Nullable String reference) {

    public enum Type { BOOLEAN, INTEGER, NUMBER, STRING, ENUM, URL, ID_LIST, ORIGIN_LIST }

    public static final String COUNTRIES = "countries";
    public static final String DOCUMENT_TYPES = "document_types";

    public static ConfigField bool(String name, boolean defaultValue, String description) {
        return new ConfigField(name, Type.BOOLEAN, description, defaultValue, null, null, List.of(), null);
    }

    public static ConfigField integer(String name, int min, int max, int defaultValue, String description) {
        return new ConfigField(name, Type.INTEGER, description, defaultValue, min, max, List.of(), null);
    }

    public static ConfigField number(String name, double min, double max, double defaultValue, String description) {
        return new ConfigField(name, Type.NUMBER, description, defaultValue, min, max, List.of(), null);
    }

    public static ConfigField text(String name, int maxLength, String defaultValue, String description) {
        return new ConfigField(name, Type.STRING, description, defaultValue, 0, maxLength, List.of(), null);
    }

    public static ConfigField oneOf(String name, List<String> values, String defaultValue, String description) {
        if (!values.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + values);
        }
        return new ConfigField(name, Type.ENUM, description, defaultValue, null, null, List.copyOf(values), null);
    }

    /** An absolute http(s) URL, or null when unset. */
    public static ConfigField url(String name, String description) {
        return new ConfigField(name, Type.URL, description, null, null, 2048, List.of(), null);
    }

    /** A list of reference ids; empty (the default) means "no restriction". */
    public static ConfigField idList(String name, String reference, String description) {
        return new ConfigField(name, Type.ID_LIST, description, List.of(), null, null, List.of(), reference);
    }

    /**
     * A list of at most {@code maxItems} web origins, {@code scheme://host[:port]} with scheme http or https: no path,
     * query, fragment, user info or wildcard. Stored normalized (lower case, default port dropped); empty by default.
     */
    public static ConfigField originList(String name, int maxItems, String description) {
        return new ConfigField(name, Type.ORIGIN_LIST, description, List.of(), null, maxItems, List.of(), null);
    }

    public boolean nullable() {
        return type == Type.URL;
    }
}
