package io.kycflow.technology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A technology's result block ({@code liveness_result}, …): the fields every block has — the verdict, why it
 * failed, who produced it — and the technology's own fields, with the stable failure-reason codes its engines
 * may report. Engines' blocks are checked against it, so what the API documents is what it returns.
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
