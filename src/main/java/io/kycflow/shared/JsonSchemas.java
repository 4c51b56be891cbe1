package io.kycflow.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas the server publishes (MCP tool input and output schemas, the REST result docs): JSON Schema 2020-12 in
 * the portable subset, where every schema has a single {@code type} or is an {@code anyOf} of such schemas, so clients
 * that map tool schemas onto a single-type dialect (Gemini's function declarations) keep the tool and its constraints.
 * <p>
 * "This value may be JSON null" has one spelling: {@code {"anyOf": [<schema>, {"type": "null"}]}}. It validates
 * exactly like {@code "type": [T, "null"]}, without the type array. Keywords that apply to T only ({@code format},
 * {@code maxLength}, {@code properties}) go inside {@code schema}; {@code description} and {@code default} belong to
 * the whole value, so they go beside the {@code anyOf}.
 * <p>
 * Wire records get their schema from their own declaration ({@link #ofRecord}), so a payload and its published schema
 * cannot drift apart.
 */
public final class JsonSchemas {

    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    public static final String DATE_TIME = "date-time";

    private static final Map<String, Object> NULL = Map.of("type", "null");

    private JsonSchemas() {
    }

    public static Map<String, Object> nullable(Map<String, Object> schema) {
        if (!(schema.get("type") instanceof String)) {
            throw new IllegalArgumentException("a nullable schema wraps a single-typed schema, not " + schema);
        }
        return Map.of("anyOf", List.of(schema, NULL));
    }

    /** As {@link #nullable(Map)}, with the value's description beside the {@code anyOf}. */
    public static Map<String, Object> nullable(Map<String, Object> schema, @Nullable String description) {
        var wrapped = new LinkedHashMap<>(nullable(schema));
        if (description != null) {
            wrapped.put("description", description);
        }
        return wrapped;
    }

    /** The {@code format} of a string component whose type alone does not say it, e.g. {@link #DATE_TIME}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
    public @interface Format {
        String value();
    }

    /**
     * The closed object schema of a record as Jackson writes it: one property per component, named as on the wire
     * ({@link JsonProperty}, else the record's {@link JsonNaming} snake case), described by
     * {@link JsonPropertyDescription} / {@link JsonClassDescription}, typed from the component's type (records nest,
     * lists become arrays, enums enumerate their names). A jspecify {@code @Nullable} component may be null, unless
     * {@link JsonInclude} leaves it out when null: then it may be absent instead. Every other component is required. A
     * {@link JsonAnyGetter} component is left out: its entries are the caller's to describe.
     *
     * @throws IllegalArgumentException for a component type with no schema here (add it rather than guess)
     */
    public static Map<String, Object> ofRecord(Class<? extends Record> type) {
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (var component : type.getRecordComponents()) {
            var accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonAnyGetter.class) || accessor.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            var name = wireName(type, component);
            var include = accessor.getAnnotation(JsonInclude.class);
            boolean always = include == null || include.value() == JsonInclude.Include.ALWAYS;
            properties.put(name, componentSchema(type, component, always));
            if (always) {
                required.add(name);
            }
        }
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        var description = type.getAnnotation(JsonClassDescription.class);
        if (description != null) {
            schema.put("description", description.value());
        }
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The wire names of a record's components, in order ({@link JsonAnyGetter} and ignored ones left out). */
    public static List<String> wireNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> !c.getAccessor().isAnnotationPresent(JsonAnyGetter.class)
                        && !c.getAccessor().isAnnotationPresent(JsonIgnore.class))
                .map(c -> wireName(type, c)).toList();
    }

    private static String wireName(Class<?> owner, RecordComponent component) {
        var property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        var naming = owner.getAnnotation(JsonNaming.class);
        if (naming != null && naming.value() == PropertyNamingStrategies.SnakeCaseStrategy.class) {
            return SnakeCase.INSTANCE.translate(component.getName());
        }
        return component.getName();
    }

    /** {@code written} false: the value is left out rather than written as null, so the schema admits no null. */
    private static Map<String, Object> componentSchema(Class<?> owner, RecordComponent component, boolean written) {
        var where = owner.getSimpleName() + "." + component.getName();
        var accessor = component.getAccessor();
        var format = accessor.getAnnotation(Format.class);
        var value = valueSchema(component.getAnnotatedType(), format == null ? null : format.value(), where);
        var description = accessor.getAnnotation(JsonPropertyDescription.class);
        var text = description == null ? null : description.value();
        if (written && component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
            return nullable(value, text);
        }
        if (text != null) {
            value.put("description", text);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> valueSchema(AnnotatedType annotated, @Nullable String format, String where) {
        var type = annotated.getType();
        var raw = (Class<?>) (type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type);
        var schema = new LinkedHashMap<String, Object>();
        if (raw == String.class) {
            schema.put("type", "string");
            if (format != null) {
                schema.put("format", format);
            }
        } else if (raw == UUID.class) {
            schema.put("type", "string");
            schema.put("format", "uuid");
            schema.put("pattern", UUID_PATTERN);
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw == double.class || raw == Double.class) {
            schema.put("type", "number");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (Collection.class.isAssignableFrom(raw) && annotated instanceof AnnotatedParameterizedType parameterized) {
            schema.put("type", "array");
            schema.put("items", valueSchema(parameterized.getAnnotatedActualTypeArguments()[0], format, where + "[]"));
        } else if (raw.isRecord()) {
            schema.putAll(ofRecord((Class<? extends Record>) raw));
        } else if (raw == ObjectNode.class) {
            schema.put("type", "object");
        } else {
            throw new IllegalArgumentException("no JSON Schema for " + where + " of type " + type);
        }
        return schema;
    }

    /** Jackson's own snake case, so a schema names a property exactly as the serializer does. */
    private static final class SnakeCase extends PropertyNamingStrategies.SnakeCaseStrategy {
        static final SnakeCase INSTANCE = new SnakeCase();

        @Override
        public String translate(String name) {
            return super.translate(name);
        }
    }
}
