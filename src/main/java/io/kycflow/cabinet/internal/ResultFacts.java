package io.kycflow.cabinet.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A step's result block as the review page lists it: one "label — value" line per field, nested objects flattened
 * to "document · surname", lists of plain values joined, so that a reviewer reads names and dates, not JSON.
 */
public final class ResultFacts {

    public record Fact(String label, String value) {
    }

    public static List<Fact> of(@Nullable JsonNode result) {
        var facts = new ArrayList<Fact>();
        if (result != null && result.isObject()) {
            add(facts, "", result);
        }
        return facts;
    }

    private static void add(List<Fact> facts, String prefix, JsonNode object) {
        for (var field : object.properties()) {
            var label = prefix + field.getKey().replace('_', ' ');
            var value = field.getValue();
            if (value.isObject()) {
                add(facts, label + " · ", value);
            } else if (value.isArray()) {
                var parts = new ArrayList<String>();
                value.forEach(item -> parts.add(item.isValueNode() ? text(item) : item.toString()));
                facts.add(new Fact(label, parts.isEmpty() ? "—" : String.join(", ", parts)));
            } else {
                facts.add(new Fact(label, text(value)));
            }
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "—";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private ResultFacts() {
    }
}
