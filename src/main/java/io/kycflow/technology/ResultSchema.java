package io.kycflow.technology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.kycflow.shared.JsonSchemas;
import tools.jackson.databind.JsonNode;

/**
 * A technology's result block ({@code liveness_result}, …): the fields every block has — the verdict, why it
 * failed, who produced it — and the technology's own fields, with the stable failure-reason codes its engines
 * may report. Engines' blocks are checked against it ({@link #problems}), and the published schemas of the session
 * views (MCP output schemas, the REST result docs) are derived from it ({@link #jsonSchema}), so what the API
 * documents is what it returns.
 */
public record ResultSchema(String block, List<ResultField> fields, List<FailureCode> failureReasons) {

    /** Fields every block carries besides the technology's own. */
    public static final Set<String> COMMON_FIELDS = Set.of("result", "failure_reason", "sandbox", "provider");

    private static final Pattern SCORE = Pattern.compile("(0\\.\\d{4}|1\\.0000)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

    public ResultSchema {
        fields = List.copyOf(fields);
        failureReasons = List.copyOf(failureReasons);
    }

    /**
     * The block an engine returns, as a JSON Schema (2020-12, portable subset, see {@link JsonSchemas}): the common
     * fields, then the technology's own, every one required (null where the declaration allows it: unknown), nothing
     * else allowed. The same rules as {@link #problems}, except that a verdict must agree with its failure reason.
     */
    public Map<String, Object> jsonSchema() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("result", described(Map.of("type", "boolean"), "Whether the attempt passed."));
        properties.put("failure_reason", JsonSchemas.nullable(failureReasonSchema(),
                "Why the attempt failed (a failure-reason code of " + block + " and a sentence); null when it passed."));
        properties.put("sandbox", described(Map.of("type", "boolean"), "True when a sandbox provider produced the block."));
        properties.put("provider", described(Map.of("type", "string"),
                "Who produced the block, e.g. kycflow-sandbox for the sandbox provider."));
        properties.putAll(fieldSchemas(fields));
        return object(properties);
    }

    /** {@code failure_reason} when set: {@code {type, detail}} with a type this technology declares. */
    public Map<String, Object> failureReasonSchema() {
        var type = new LinkedHashMap<String, Object>();
        type.put("type", "string");
        type.put("enum", failureReasons.stream().map(FailureCode::code).toList());
        type.put("description", "Stable failure-reason code: " + String.join("; ", failureReasons.stream()
                .map(reason -> reason.code() + " = " + reason.description()).toList()));
        var properties = new LinkedHashMap<String, Object>();
        properties.put("type", type);
        properties.put("detail", described(Map.of("type", "string"), "What went wrong, for people."));
        return object(properties);
    }

    private static Map<String, Object> fieldSchemas(List<ResultField> fields) {
        var properties = new LinkedHashMap<String, Object>();
        for (var field : fields) {
            var value = new LinkedHashMap<String, Object>();
            switch (field.type()) {
                case BOOLEAN -> value.put("type", "boolean");
                case NUMBER -> value.put("type", "number");
                case STRING -> value.put("type", "string");
                case SCORE -> {
                    value.put("type", "string");
                    value.put("pattern", "^" + SCORE.pattern() + "$");
                }
                case DATE -> {
                    value.put("type", "string");
                    value.put("format", "date");
                    value.put("pattern", "^" + DATE.pattern() + "$");
                }
                case COUNTRY -> {
                    value.put("type", "string");
                    value.put("pattern", "^" + COUNTRY.pattern() + "$");
                }
                case ENUM -> {
                    value.put("type", "string");
                    value.put("enum", field.allowedValues());
                }
                case OBJECT -> value.putAll(object(fieldSchemas(field.fields())));
            }
            properties.put(field.name(), field.nullable() ? JsonSchemas.nullable(value, field.description())
                    : described(value, field.description()));
        }
        return properties;
    }

    /** Closed, every property required: what {@link #problems} demands of a block and of its nested objects. */
    private static Map<String, Object> object(Map<String, Object> properties) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(properties.keySet()));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> described(Map<String, Object> schema, String description) {
        var described = new LinkedHashMap<>(schema);
        described.put("description", description);
        return described;
    }

    public boolean knowsFailure(String code) {
        return failureReasons.stream().anyMatch(reason -> reason.code().equals(code));
    }

    /**
     * What is wrong with a block an engine produced: a missing or mistyped field, an unknown one, a verdict that
     * contradicts its failure reason, a failure code the technology does not declare. Empty when it conforms.
     */
    public List<String> problems(JsonNode block) {
        var problems = new ArrayList<String>();
        if (!block.path("result").isBoolean()) {
            problems.add(this.block + ".result must be a boolean");
        }
        if (!block.path("provider").isString() || !block.path("sandbox").isBoolean()) {
            problems.add(this.block + " must name its provider and say whether it is sandbox output");
        }
        var failure = block.get("failure_reason");
        boolean passed = block.path("result").asBoolean(false);
        if (passed && failure != null && !failure.isNull()) {
            problems.add(this.block + ".failure_reason must be null when result is true");
        }
        if (!passed && (failure == null || !knowsFailure(failure.path("type").asString("")) || !failure.path("detail").isString())) {
            problems.add(this.block + ".failure_reason must be {type, detail} with a type declared by " + this.block);
        }
        check(this.block, fields, block, problems);
        return problems;
    }

    private static void check(String path, List<ResultField> fields, JsonNode node, List<String> problems) {
        for (var field : fields) {
            var value = node.get(field.name());
            var where = path + "." + field.name();
            if (value == null || value.isNull() && !field.nullable()) {
                problems.add(where + " is required" + (field.nullable() ? " (null when unknown)" : ""));
                continue;
            }
            if (value.isNull()) {
                continue;
            }
            boolean ok = switch (field.type()) {
                case BOOLEAN -> value.isBoolean();
                case NUMBER -> value.isNumber();
                case STRING -> value.isString();
                case SCORE -> value.isString() && SCORE.matcher(value.asString()).matches();
                case DATE -> value.isString() && DATE.matcher(value.asString()).matches();
                case COUNTRY -> value.isString() && COUNTRY.matcher(value.asString()).matches();
                case ENUM -> value.isString() && field.allowedValues().contains(value.asString());
                case OBJECT -> value.isObject();
            };
            if (!ok) {
                problems.add(where + " is not a valid " + field.type().name().toLowerCase());
            } else if (field.type() == ResultField.Type.OBJECT) {
                check(where, field.fields(), value, problems);
            }
        }
        var declared = fields.stream().map(ResultField::name).toList();
        node.propertyNames().forEach(name -> {
            if (!declared.contains(name) && !(path.indexOf('.') < 0 && COMMON_FIELDS.contains(name))) {
                problems.add(path + "." + name + " is not declared");
            }
        });
    }
}
