package io.kycflow.mcp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.kycflow.flow.FlowService;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.session.SessionService;
import io.kycflow.support.TestData;
import io.kycflow.technology.FailureCode;
import io.kycflow.technology.ResultField;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.DSN;
import static io.kycflow.technology.TechnologyCode.DSS;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-technology result blocks the session tools advertise in their outputSchema are the ones the technologies
 * declare ({@code ResultSchema}), and real outputs match them: every outcome of every technology, produced by the
 * sandbox engine through complete_sandbox_session, is validated against the advertised schema (by the server, which
 * refuses its own non-conforming output, and again by {@link #ok}); outputs that disagree with a declaration are refused.
 */
class McpResultSchemaTests extends McpTestSupport {

    private static final List<String> SESSION_TOOLS = List.of("get_flow_session", "get_flow_session_light_result",
            "complete_sandbox_session", "update_flow_session_status");
    private static final List<String> STEP_FIELDS = List.of("technology", "status", "result", "attempts", "max_attempts",
            "failure_reason", "sandbox", "started_at", "finished_at");

    @Autowired
    FlowService flows;

    @Autowired
    SessionService sessions;

    @Test
    void everyOutcomeOfEveryTechnologyMatchesTheAdvertisedOutputSchemas() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var orgId = org.organization().id();
        var flowFor = new EnumMap<TechnologyCode, IssuedFlow>(TechnologyCode.class);
        var documentFlow = data.flow(orgId, LD, DR, F2F);
        List.of(LD, DR, F2F).forEach(code -> flowFor.put(code, documentFlow));
        flowFor.put(ED, data.flow(orgId, ED, LD, F2F));
        for (var code : List.of(DSI, DSN, DSS)) {
            flowFor.put(code, data.flow(orgId, code));
        }
        var client = client(org.apiKey());
        var checked = new ArrayList<String>();
        String failedSession = null;
        for (var technology : catalog.all()) {
            var code = technology.code();
            var declared = technology.resultSchema();
            var outcomes = new ArrayList<>(List.of("pass", "fail"));
            declared.failureReasons().forEach(reason -> outcomes.add(reason.code()));
            for (var outcome : outcomes) {
                var session = sessions.create(flowFor.get(code).flow(), null).id().toString();
                var light = ok(client, "complete_sandbox_session", Map.of("session_id", session,
                        "outcomes", Map.of(code.name(), outcome)));
                var block = light.get(technology.resultField());
                assertThat(block.get("attempts").intValue()).as("%s %s", code, outcome).isPositive();
                assertThat(block.get("provider").stringValue()).isEqualTo("kycflow-sandbox");
                for (var field : declared.fields()) {
                    assertThat(block.has(field.name())).as("%s %s: %s", code, outcome, field.name()).isTrue();
                }
                if (outcome.equals("pass")) {
                    assertThat(block.get("result").booleanValue()).as("%s passes", code).isTrue();
                } else {
                    assertThat(light.get("status").stringValue()).isEqualTo("FAILED");
                    assertThat(block.get("failure_reason").get("type").stringValue())
                            .isIn(outcome.equals("fail") ? declared.failureReasons().stream().map(FailureCode::code).toList()
                                    : List.of(outcome));
                    failedSession = session;
                }
                ok(client, "get_flow_session", Map.of("session_id", session));
                checked.add(code + ":" + outcome);
            }
        }
        ok(client, "get_flow_session_light_result", Map.of("session_id", failedSession));
        ok(client, "update_flow_session_status", Map.of("session_id", failedSession, "request_data", Map.of("status", "DECLINED")));
        assertThat(checked).hasSizeGreaterThan(40).contains("LD:eye_closed", "DR:document_expired", "F2F:no_reference_face",
                "ED:consent_declined", "DSI:unsupported_format", "DSS:pass");
    }

    @Test
    void eachAdvertisedBlockIsTheTechnologysDeclaredBlock() {
        for (var tool : SESSION_TOOLS) {
            var properties = json.valueToTree(outputSchema(tool)).get("properties");
            for (var technology : catalog.all()) {
                var where = tool + " " + technology.resultField();
                var declared = technology.resultSchema();
                var branches = properties.get(technology.resultField()).get("anyOf");
                assertThat(branches).as(where).hasSize(2);
                var pending = branches.get(0);
                var attempted = branches.get(1);
                assertThat(pending.get("properties").get("attempts").get("const").intValue()).isZero();
                assertThat(attempted.get("properties").get("attempts").get("minimum").intValue()).isEqualTo(1);

                var stepFields = new ArrayList<>(STEP_FIELDS);
                if (!tool.equals("get_flow_session") && !tool.equals("update_flow_session_status")) {
                    stepFields.add("media");
                }
                assertThat(names(pending.get("properties"))).as(where + " before an attempt").containsExactlyInAnyOrderElementsOf(stepFields);
                var expected = new ArrayList<>(stepFields);
                expected.add("provider");
                declared.fields().forEach(field -> expected.add(field.name()));
                assertThat(names(attempted.get("properties"))).as(where).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(strings(attempted.get("required"))).as(where + " required").containsExactlyInAnyOrderElementsOf(expected);
                assertThat(attempted.get("additionalProperties").booleanValue()).isFalse();
                assertFields(where, declared.fields(), attempted);

                var failure = attempted.get("properties").get("failure_reason").get("anyOf").get(0);
                assertThat(strings(failure.get("properties").get("type").get("enum"))).as(where + " failure codes")
                        .containsExactlyElementsOf(declared.failureReasons().stream().map(FailureCode::code).toList());
                var codes = catalog.all().stream().filter(t -> t.resultField().equals(technology.resultField()))
                        .map(t -> t.code().name()).toList();
                assertThat(strings(attempted.get("properties").get("technology").get("enum"))).containsExactlyElementsOf(codes);
            }
        }
    }

    @Test
    void outputsThatDisagreeWithADeclarationAreRefusedByTheAdvertisedSchema() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), LD, DR, F2F);
        var client = client(org.apiKey());
        var passed = ok(client, "complete_sandbox_session", Map.of("session_id",
                sessions.create(flow.flow(), null).id().toString()));
        var open = ok(client, "get_flow_session_light_result", Map.of("session_id",
                sessions.create(flow.flow(), null).id().toString()));
        var schema = outputSchema("get_flow_session_light_result");
        assertThat(valid(schema, passed)).isTrue();
        assertThat(valid(schema, open)).isTrue();

        var tampered = new HashSet<String>();
        for (var change : List.<Map.Entry<String, java.util.function.Consumer<ObjectNode>>>of(
                Map.entry("a declared field missing", v -> block(v, "liveness_result").remove("prediction")),
                Map.entry("an undeclared field", v -> block(v, "liveness_result").put("surname", "X")),
                Map.entry("a value outside the declared enum", v -> block(v, "liveness_result").put("face_direction", "sideways")),
                Map.entry("a score that is not four decimals", v -> block(v, "face2face_result").put("similarity", 0.97)),
                Map.entry("a nested field mistyped", v -> ((ObjectNode) block(v, "document_recognition_result").get("document"))
                        .put("issuing_country", "kz")),
                Map.entry("another technology's failure code", v -> block(v, "liveness_result").putObject("failure_reason")
                        .put("type", "face_mismatch").put("detail", "x")),
                Map.entry("the provider missing", v -> block(v, "face2face_result").remove("provider")),
                Map.entry("an unknown block", v -> v.putObject("palm_result")))) {
            var copy = (ObjectNode) passed.deepCopy();
            change.getValue().accept(copy);
            assertThat(valid(schema, copy)).as(change.getKey()).isFalse();
            tampered.add(change.getKey());
        }
        var early = (ObjectNode) open.deepCopy();
        block(early, "liveness_result").put("prediction", "0.9000");
        assertThat(valid(schema, early)).as("result fields before the first attempt").isFalse();
        assertThat(tampered).hasSize(8);
    }

    /** Every declared field's type, enum, nullability and, for objects, nested fields, as the schema advertises them. */
    private static void assertFields(String where, List<ResultField> fields, JsonNode objectSchema) {
        for (var field : fields) {
            var path = where + "." + field.name();
            var schema = objectSchema.get("properties").get(field.name());
            assertThat(strings(objectSchema.get("required"))).as(path + " required").contains(field.name());
            if (field.nullable()) {
                assertThat(schema.get("anyOf").get(1).get("type").stringValue()).as(path + " nullable").isEqualTo("null");
                schema = schema.get("anyOf").get(0);
            } else {
                assertThat(schema.has("anyOf")).as(path + " not nullable").isFalse();
            }
            var type = switch (field.type()) {
                case BOOLEAN -> "boolean";
                case NUMBER -> "number";
                case OBJECT -> "object";
                case STRING, SCORE, DATE, COUNTRY, ENUM -> "string";
            };
            assertThat(schema.get("type").stringValue()).as(path + " type").isEqualTo(type);
            if (field.type() == ResultField.Type.ENUM) {
                assertThat(strings(schema.get("enum"))).as(path + " enum").containsExactlyElementsOf(field.allowedValues());
            } else {
                assertThat(schema.has("enum")).as(path + " enum").isFalse();
            }
            if (field.type() == ResultField.Type.OBJECT) {
                assertThat(names(schema.get("properties"))).as(path).containsExactlyElementsOf(
                        field.fields().stream().map(ResultField::name).toList());
                assertFields(path, field.fields(), schema);
            }
        }
    }

    private boolean valid(Map<String, Object> schema, JsonNode output) {
        return OUTPUT_VALIDATOR.validate(schema, json.convertValue(output, Map.class)).valid();
    }

    private static ObjectNode block(ObjectNode view, String name) {
        return (ObjectNode) view.get(name);
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }
}
