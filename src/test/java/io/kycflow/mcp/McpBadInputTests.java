package io.kycflow.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.organization.IssuedOrganization;
import io.kycflow.organization.OrganizationStatus;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to every tool ends as a refusal an agent can act on — an {@code isError} result (or a JSON-RPC error)
 * whose text names the offending field — never an unexpected server failure, and never leaves anything half-made.
 * Row counts are read straight from the database.
 */
class McpBadInputTests extends McpTestSupport {

    /** The text ToolKit uses when a handler throws unexpectedly: must never appear for bad input. */
    private static final String UNEXPECTED = "could not complete";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyToolRefusesAnUnknownArgumentByName() {
        var client = client(newOrganization().apiKey());
        var tools = client.listTools().tools();
        assertThat(tools).hasSize(13);
        for (var tool : tools) {
            assertThat(refused(client, tool.name(), Map.of("bogus_argument", 1))).as(tool.name()).contains("bogus_argument");
        }
    }

    @Test
    void getFlowRefusesANonUuidFlowId() {
        var client = client(newOrganization().apiKey());
        assertThat(refused(client, "get_flow", Map.of("flow_id", "flow-1"))).contains("flow_id");
        assertThat(refused(client, "get_flow", Map.of())).contains("flow_id");
    }

    @Test
    void listFlowsRefusesOutOfRangeAndNonIntegerPaging() {
        var client = client(newOrganization().apiKey());
        assertThat(refused(client, "list_flows", Map.of("offset", -1))).contains("offset");
        assertThat(refused(client, "list_flows", Map.of("limit", 0))).contains("limit");
        assertThat(refused(client, "list_flows", Map.of("limit", 101))).contains("limit");
        assertThat(refused(client, "list_flows", Map.of("limit", "ten"))).contains("limit");
        assertThat(refused(client, "list_flows", Map.of("limit", 2.5))).contains("limit");
    }

    @Test
    void createFlowRefusesBadRequestDataNamingTheFieldAndCreatesNothing() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var cases = List.of(
                Map.entry(List.of("colour"), flow(Map.of("colour", "blue"))),
                Map.entry(List.of("technology_ids"), flow(Map.of("technology_ids", technologyId(LD)))),
                Map.entry(List.of("technology_ids"), flow(Map.of("technology_ids", List.of(technologyId(LD), technologyId(LD))))),
                Map.entry(List.of("technology_ids[0]", "not a technology id"),
                        flow(Map.of("technology_ids", List.of(UUID.randomUUID().toString())))),
                Map.entry(List.of("technology_ids", "put LD (liveness) before F2F"),
                        flow(Map.of("technology_ids", List.of(technologyId(ED), technologyId(F2F)), "technology_configs", Map.of()))),
                Map.entry(List.of("technology_ids", "put LD (liveness) before F2F"),
                        flow(Map.of("technology_ids", List.of(technologyId(ED), technologyId(F2F), technologyId(LD))))),
                Map.entry(List.of("name"), flow(Map.of("name", "n".repeat(101)))),
                Map.entry(List.of("name"), flow(Map.of("name", "   "))),
                Map.entry(List.of("DSI", "Cabinet"), flow(Map.of("technology_ids", List.of(technologyId(DSI)),
                        "technology_configs", Map.of()))));
        cases.forEach(c -> assertThat(refused(client, "create_flow", Map.of("request_data", c.getValue())))
                .as(c.getKey().toString()).contains(c.getKey()));
        assertThat(refused(client, "create_flow", Map.of("request_data", "kyc-prod-v1"))).contains("request_data");
        assertThat(rows("flow", org)).isZero();
    }

    @Test
    void createFlowRefusesTechnologiesTheOrganizationIsNotSubscribedTo() {
        var org = organizations.create("LD only " + UUID.randomUUID(), OrganizationStatus.TEST, List.of(LD));
        var client = client(org.apiKey());
        assertThat(refused(client, "create_flow", Map.of("request_data",
                flow(Map.of("technology_ids", List.of(technologyId(LD), technologyId(DR)))))))
                .contains("technology_ids[1]", "no subscription", "DR");
        assertThat(rows("flow", org)).isZero();
    }

    @Test
    void createFlowRefusesBadConfigsNamingTheFieldAndCreatesNothing() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var cases = Map.of(
                "max_attempts", Map.of("technology_configs", Map.of("liveness_config", Map.of("max_attempts", 11))),
                "threshold", Map.of("technology_configs", Map.of("face2face_config", Map.of("threshold", "high"))),
                "magic_config", Map.of("technology_configs", Map.of("magic_config", Map.of())),
                "doc_recognition_config", Map.of("technology_configs", Map.of("doc_recognition_config", Map.of())),
                "success_redirect_url", Map.of("flow_config", Map.of("success_redirect_url", "javascript:alert(1)")),
                "session_ttl_minutes", Map.of("flow_config", Map.of("session_ttl_minutes", 0)));
        cases.forEach((field, overrides) -> {
            var request = new HashMap<>(fullFlowRequest("bad-config"));
            overrides.forEach((key, value) -> request.put(key, merged(request.get(key), value)));
            assertThat(refused(client, "create_flow", Map.of("request_data", request))).as(field).contains(field);
        });
        assertThat(rows("flow", org)).isZero();
    }

    @Test
    void createFlowRefusesADuplicateNameAsAConflict() {
        var org = newOrganization();
        var client = client(org.apiKey());
        ok(client, "create_flow", Map.of("request_data", fullFlowRequest("kyc-prod-v1")));
        assertThat(refused(client, "create_flow", Map.of("request_data", fullFlowRequest("kyc-prod-v1"))))
                .contains("kyc-prod-v1", "already exists");
        assertThat(rows("flow", org)).isEqualTo(1);
    }

    @Test
    void createFlowRefusesOversizeArgumentsWithoutEchoingThem() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var huge = "x".repeat(200 * 1024);
        var message = refused(client, "create_flow", Map.of("request_data", flow(Map.of("display_name", huge))));
        assertThat(message).contains("display_name").hasSizeLessThan(10_000);
        assertThat(rows("flow", org)).isZero();
    }

    @Test
    void updateFlowRefusesAnUnknownFlowAndBadPatchesLeaveTheFlowUnchanged() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var unknown = UUID.randomUUID().toString();
        assertThat(refused(client, "update_flow", Map.of("request_data", Map.of("flow_id", unknown, "display_name", "x"))))
                .contains(unknown, "No flow");
        var flowId = ok(client, "create_flow", Map.of("request_data", fullFlowRequest("stable"))).get("id").stringValue();
        assertThat(refused(client, "update_flow", Map.of("request_data", Map.of("flow_id", flowId, "display_name", "New",
                "technology_configs", Map.of("liveness_config", Map.of("max_attempts", 11)))))).contains("max_attempts");
        ok(client, "create_flow", Map.of("request_data", fullFlowRequest("taken")));
        var patches = List.of(
                Map.entry(List.of("technology_ids"), Map.<String, Object>of("technology_ids", List.of())),
                Map.entry(List.of("technology_ids[1]", "repeats"),
                        Map.<String, Object>of("technology_ids", List.of(technologyId(LD), technologyId(LD)))),
                Map.entry(List.of("technology_ids", "put LD (liveness) before F2F"),
                        Map.<String, Object>of("technology_ids", List.of(technologyId(ED), technologyId(F2F)))),
                Map.entry(List.of("DSI", "Cabinet"), Map.<String, Object>of("technology_ids",
                        List.of(technologyId(LD), technologyId(ED), technologyId(F2F), technologyId(DSI)))),
                Map.entry(List.of("taken", "already exists"), Map.<String, Object>of("name", "taken")));
        patches.forEach(p -> {
            var patch = new HashMap<>(p.getValue());
            patch.put("flow_id", flowId);
            assertThat(refused(client, "update_flow", Map.of("request_data", patch))).as(p.getKey().toString())
                    .contains(p.getKey());
        });
        var unchanged = ok(client, "get_flow", Map.of("flow_id", flowId));
        assertThat(unchanged.get("name").stringValue()).isEqualTo("stable");
        assertThat(unchanged.get("technology_ids").size()).isEqualTo(3);
        assertThat(unchanged.get("display_name").stringValue()).isEqualTo("KYC stable");
        assertThat(unchanged.get("technology_configs").get("liveness_config").get("max_attempts").intValue()).isEqualTo(3);
    }

    @Test
    void sessionToolsRefuseWrongKeysUnknownIdsAndNonObjectMetadata() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var flowKey = ok(client, "create_flow", Map.of("request_data", fullFlowRequest("sessions"))).get("api_key").stringValue();
        assertThat(refused(client, "create_flow_session", Map.of("flow_api_key", flowKey.substring(1) + "A")))
                .contains("flow_api_key");
        assertThat(refused(client, "create_flow_session", Map.of("flow_api_key", flowKey, "metadata", "user-1")))
                .contains("metadata");
        assertThat(refused(client, "create_flow_session", Map.of("flow_api_key", flowKey, "metadata", List.of(1, 2))))
                .contains("metadata");
        assertThat(refused(client, "create_flow_session", Map.of("flow_api_key", flowKey,
                "metadata", Map.of("note", "a".repeat(5000))))).contains("metadata", "4096 bytes");
        // 3,000 Cyrillic letters: 3,000 characters but 6,000 bytes of UTF-8 JSON, so over the 4 KB limit too.
        assertThat(refused(client, "create_flow_session", Map.of("flow_api_key", flowKey,
                "metadata", Map.of("note", "ж".repeat(3000))))).contains("metadata", "4096 bytes");
        assertThat(rows("flow_session", org)).isZero();

        var unknown = UUID.randomUUID().toString();
        for (var tool : List.of("get_flow_session", "get_flow_session_light_result", "list_flow_session_reviews")) {
            assertThat(refused(client, tool, Map.of("session_id", unknown))).as(tool).contains("No session with id " + unknown);
            assertThat(refused(client, tool, Map.of("session_id", "42"))).as(tool).contains("session_id");
        }
    }

    @Test
    void reviewToolsRefuseBadStatusAndMessagesAndRecordNothing() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var flowKey = ok(client, "create_flow", Map.of("request_data", fullFlowRequest("reviews"))).get("api_key").stringValue();
        var sessionId = ok(client, "create_flow_session", Map.of("flow_api_key", flowKey)).get("session_id").stringValue();

        assertThat(refused(client, "update_flow_session_status", Map.of("session_id", sessionId,
                "request_data", Map.of("status", "MAYBE")))).contains("status");
        assertThat(refused(client, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", Map.of("message", "")))).contains("message");
        assertThat(refused(client, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", Map.of("message", "m".repeat(5000))))).contains("message");
        assertThat(refused(client, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", "looks fine"))).contains("request_data");
        assertThat(rows("review", org)).isZero();
        assertThat(ok(client, "get_flow_session", Map.of("session_id", sessionId)).get("status").stringValue())
                .isEqualTo("CREATED");
    }

    @Test
    void elicitedFormAnswersAreValidatedLikeArgumentsAndCreateNothing() {
        var org = newOrganization();
        var answers = List.<Map<String, Object>>of(Map.of("max_attempts", 11), Map.of("max_attempts", "eleven"),
                Map.of("allowed_countries", "398, KZ"));
        var messages = List.of("liveness_config.max_attempts", "liveness_config.max_attempts",
                "doc_recognition_config.allowed_countries");
        for (int i = 0; i < answers.size(); i++) {
            var answer = answers.get(i);
            var client = client(org.apiKey(), HeaderStyle.BEARER, request -> request.requestedSchema().get("properties")
                    instanceof Map<?, ?> properties && properties.isEmpty()
                    ? McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.ACCEPT).content(Map.of()).build()
                    : McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.ACCEPT).content(answer).build());
            var technology = answer.containsKey("allowed_countries") ? DR : LD;
            assertThat(refused(client, "create_flow", Map.of("request_data", Map.of("name", "elicited-" + i,
                    "technology_ids", List.of(technologyId(technology)))))).contains(messages.get(i));
        }
        assertThat(rows("flow", org)).isZero();
    }

    @Test
    void anotherOrganizationsFlowsAndSessionsAreNotFoundAndStayUntouched() {
        var owner = newOrganization();
        var ownerClient = client(owner.apiKey());
        var flow = ok(ownerClient, "create_flow", Map.of("request_data", fullFlowRequest("private")));
        var flowId = flow.get("id").stringValue();
        var sessionId = ok(ownerClient, "create_flow_session", Map.of("flow_api_key", flow.get("api_key").stringValue()))
                .get("session_id").stringValue();

        var intruder = newOrganization();
        var client = client(intruder.apiKey());
        assertThat(refused(client, "get_flow", Map.of("flow_id", flowId))).contains("No flow with id " + flowId);
        assertThat(refused(client, "update_flow", Map.of("request_data", Map.of("flow_id", flowId, "name", "mine"))))
                .contains("No flow with id " + flowId);
        assertThat(refused(client, "create_flow_session", Map.of("flow_api_key", flow.get("api_key").stringValue())))
                .contains("flow_api_key");
        for (var tool : List.of("get_flow_session", "get_flow_session_light_result", "list_flow_session_reviews")) {
            assertThat(refused(client, tool, Map.of("session_id", sessionId))).as(tool).contains("No session with id");
        }
        assertThat(refused(client, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", Map.of("message", "mine now")))).contains("No session with id");
        assertThat(ok(client, "list_flows", Map.of()).get("count").intValue()).isZero();
        assertThat(rows("flow_session", intruder)).isZero();
        assertThat(rows("review", owner)).isZero();
        assertThat(ok(ownerClient, "get_flow", Map.of("flow_id", flowId)).get("name").stringValue()).isEqualTo("private");
        assertThat(rows("flow_session", owner)).isEqualTo(1);
    }

    /**
     * Calls a tool that must refuse its input: an {@code isError} result or a JSON-RPC invalid-params error, never a
     * transport failure or the unexpected-failure text. Returns the refusal's text.
     */
    private String refused(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result;
        try {
            result = call(client, tool, arguments);
        } catch (McpError e) {
            assertThat(e.getJsonRpcError().code()).as("%s: %s", tool, e.getMessage()).isIn(-32602, -32600);
            return e.getMessage() + " " + e.getJsonRpcError().data();
        }
        assertThat(result.isError()).as("%s should refuse %s but returned %s", tool, arguments.keySet(), text(result))
                .isTrue();
        assertThat(text(result)).as(tool).isNotBlank().doesNotContain(UNEXPECTED);
        return text(result);
    }

    /** A valid minimal create_flow request_data (one LD technology, configured) with {@code overrides} applied. */
    private Map<String, Object> flow(Map<String, Object> overrides) {
        var request = new HashMap<String, Object>(Map.of("name", "flow-" + UUID.randomUUID(),
                "technology_ids", List.of(technologyId(LD)),
                "technology_configs", Map.of("liveness_config", Map.of("max_attempts", 3))));
        request.putAll(overrides);
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Object merged(Object base, Object override) {
        if (base instanceof Map<?, ?> baseMap && override instanceof Map<?, ?> overrideMap) {
            var result = new HashMap<String, Object>((Map<String, Object>) baseMap);
            overrideMap.forEach((key, value) -> result.put((String) key, merged(result.get(key), value)));
            return result;
        }
        return override;
    }

    private long rows(String table, IssuedOrganization org) {
        return jdbc.queryForObject("select count(*) from " + table + " where organization_id = ?", Long.class,
                org.organization().id());
    }
}
