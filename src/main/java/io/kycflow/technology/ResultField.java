package io.kycflow.technology;

import java.util.List;

/**
 * One field of a technology's result block, declared once beside its config schema: validation of what an engine
 * returns, the REST docs and the MCP output schemas come from these declarations.
 *
 * @param fields for {@link Type#OBJECT}, the nested fields
 */
public record ResultField(String name, Type type, String description, boolean nullable, List<String> allowedValues,
                          List<ResultField> fields) {

    public enum Type {
        BOOLEAN, NUMBER, STRING,
        /** A score in [0, 1] sent as a string with four decimals, e.g. {@code "0.9980"} (the public API's shape). */
        SCORE,
        /** {@code YYYY-MM-DD}. */
        DATE,
        /** ISO 3166-1 alpha-3. */
        COUNTRY,
        ENUM, OBJECT
    }

    public static ResultField bool(String name, String description) {
        return new ResultField(name, Type.BOOLEAN, description, false, List.of(), List.of());
    }

    public static ResultField number(String name, String description) {
        return new ResultField(name, Type.NUMBER, description, false, List.of(), List.of());
    }

    public static ResultField text(String name, String description) {
        return new ResultField(name, Type.STRING, description, false, List.of(), List.of());
    }

    public static ResultField score(String name, String description) {
        return new ResultField(name, Type.SCORE, description, false, List.of(), List.of());
    }

    public static ResultField date(String name, String description) {
        return new ResultField(name, Type.DATE, description, false, List.of(), List.of());
    }

    public static ResultField country(String name, String description) {
        return new ResultField(name, Type.COUNTRY, description, false, List.of(), List.of());
    }

    public static ResultField oneOf(String name, List<String> values, String description) {
        return new ResultField(name, Type.ENUM, description, false, List.copyOf(values), List.of());
    }

    public static ResultField object(String name, String description, ResultField... fields) {
        return new ResultField(name, Type.OBJECT, description, false, List.of(), List.of(fields));
    }

    /** The same field, allowed to be null (e.g. unknown when no face was found). */
    public ResultField orNull() {
        return new ResultField(name, type, description, true, allowedValues, fields);
    }
}
