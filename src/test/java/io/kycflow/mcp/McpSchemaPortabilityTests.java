package io.kycflow.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool schemas stay portable to clients that map them onto a single-type dialect (Gemini's function declarations):
 * no {@code "type": [..]} arrays anywhere, input or output, however deeply nested; nullable values are
 * {@code anyOf [{type: T}, {type: null}]}. scripts/mcp-checks runs the MCP Inspector's {@code --strict} lint on the
 * same list; this keeps {@code ./mvnw verify} failing on the commonest regression without Node.
 */
class McpSchemaPortabilityTests extends McpTestSupport {

    /** Keywords whose value is one subschema, a list of them, or a map of them (JSON Schema 2020-12 and older). */
    private static final List<String> SUBSCHEMA = List.of("items", "additionalItems", "unevaluatedItems", "contains",
            "not", "if", "then", "else", "additionalProperties", "unevaluatedProperties", "propertyNames",
            "contentSchema");
    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems", "items");
    private static final List<String> SUBSCHEMA_MAPS = List.of("properties", "patternProperties", "dependentSchemas",
            "dependencies", "$defs", "definitions");
    /** Where a bare boolean is an ordinary value (false = closed object), not a schema a client must understand. */
    private static final List<String> BOOLEAN_VALUED = List.of("additionalProperties", "unevaluatedProperties",
            "additionalItems", "unevaluatedItems");

    @Test
    void noToolSchemaUsesATypeArrayAndEverySchemaHasOneTypeOrIsAnAnyOf() {
        var tools = client(newOrganization().apiKey()).listTools().tools();
        assertThat(tools).hasSize(13);
        var problems = new ArrayList<String>();
        var visited = new int[1];
        var nullBranches = new int[1];
        for (var tool : tools) {
            walk(tool.name() + " inputSchema", json.valueToTree(tool.inputSchema()), problems, visited, nullBranches);
            walk(tool.name() + " outputSchema", json.valueToTree(tool.outputSchema()), problems, visited, nullBranches);
        }
        assertThat(problems).as("unportable tool schemas").isEmpty();
        // The walk reached the nested nullable fields (session blocks, review fields, flow_config URLs).
        assertThat(visited[0]).isGreaterThan(500);
        assertThat(nullBranches[0]).isGreaterThanOrEqualTo(90);
    }

    @Test
    void nullValuesInOutputsMatchTheAnyOfNullBranchAndOtherTypesDoNot() {
        var client = client(newOrganization().apiKey());
        // No redirect URLs: flow_config carries them as null (create_flow, get_flow, update_flow outputs).
        var flow = ok(client, "create_flow", Map.of("request_data", Map.of("name", "nulls",
                "technology_ids", List.of(technologyId(TechnologyCode.LD)),
                "technology_configs", Map.of("liveness_config", Map.of()))));
        assertThat(flow.get("flow_config").get("success_redirect_url").isNull()).isTrue();
        var updated = ok(client, "update_flow", Map.of("request_data", Map.of("flow_id", flow.get("id").stringValue(),
                "flow_config", Map.of("failure_redirect_url", "https://shop.example.com/kyc/failed"))));
        assertThat(updated.get("flow_config").get("success_redirect_url").isNull()).isTrue();
        var cleared = ok(client, "update_flow", Map.of("request_data", Map.of("flow_id", flow.get("id").stringValue(),
                "flow_config", java.util.Collections.singletonMap("failure_redirect_url", null))));
        assertThat(cleared.get("flow_config").get("failure_redirect_url").isNull()).as("null clears a URL").isTrue();
        var page = ok(client, "list_flows", Map.of());
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").isNull()).isTrue();

        var sessionId = ok(client, "create_flow_session", Map.of("flow_api_key", flow.get("api_key").stringValue()))
                .get("session_id").stringValue();
        var view = ok(client, "get_flow_session", Map.of("session_id", sessionId));
        assertThat(view.get("overall_result").isNull()).isTrue();
        assertThat(view.get("started_at").isNull()).isTrue();
        assertThat(view.get("metadata").isNull()).isTrue();
        assertThat(view.get("liveness_result").get("result").isNull()).isTrue();
        assertThat(view.get("liveness_result").get("failure_reason").isNull()).isTrue();
        ok(client, "get_flow_session_light_result", Map.of("session_id", sessionId));

        var review = ok(client, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", Map.of("message", "note")));
        assertThat(review.get("from_status").isNull()).isTrue();
        ok(client, "list_flow_session_reviews", Map.of("session_id", sessionId));

        // The null branch admits null only: a value of another type is still refused.
        var schema = outputSchema("get_flow_session");
        var wrong = view.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) wrong).put("started_at", 5);
        assertThat(OUTPUT_VALIDATOR.validate(schema, json.convertValue(wrong, Map.class)).valid()).isFalse();
        ((tools.jackson.databind.node.ObjectNode) wrong).put("started_at", "2026-01-01T00:00:00Z")
                .put("overall_result", "yes");
        assertThat(OUTPUT_VALIDATOR.validate(schema, json.convertValue(wrong, Map.class)).valid()).isFalse();
    }

    private static void walk(String path, JsonNode schema, List<String> problems, int[] visited, int[] nullBranches) {
        visited[0]++;
        if (schema.isBoolean() && BOOLEAN_VALUED.stream().anyMatch(keyword -> path.endsWith("." + keyword))) {
            return;
        }
        if (!schema.isObject()) {
            problems.add(path + ": not a schema object: " + schema);
            return;
        }
        var type = schema.get("type");
        if (type != null && type.isArray()) {
            problems.add(path + ": \"type\" is an array " + type + "; use anyOf branches with one type each");
        } else if (type == null && !schema.has("anyOf")) {
            problems.add(path + ": neither a single \"type\" nor anyOf: " + schema);
        }
        if (type != null && type.isString() && type.stringValue().equals("null")) {
            nullBranches[0]++;
        }
        for (var keyword : SUBSCHEMA) {
            var sub = schema.get(keyword);
            if (sub != null && !sub.isArray()) {
                walk(path + "." + keyword, sub, problems, visited, nullBranches);
            }
        }
        for (var keyword : SUBSCHEMA_LISTS) {
            var list = schema.get(keyword);
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    walk(path + "." + keyword + "[" + i + "]", list.get(i), problems, visited, nullBranches);
                }
            }
        }
        for (var keyword : SUBSCHEMA_MAPS) {
            var map = schema.get(keyword);
            if (map != null && map.isObject()) {
                for (var entry : map.properties()) {
                    walk(path + "." + keyword + "." + entry.getKey(), entry.getValue(), problems, visited, nullBranches);
                }
            }
        }
    }
}
