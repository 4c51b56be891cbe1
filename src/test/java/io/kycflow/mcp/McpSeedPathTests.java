package io.kycflow.mcp;

import java.util.List;
import java.util.Map;

import io.kycflow.session.SessionService;
import io.kycflow.support.ResultBlocks;
import io.kycflow.technology.TechnologyCode;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps 1–4 of the integration guide through the SDK client, as an agent would do them. */
class McpSeedPathTests extends McpTestSupport {

    @Autowired
    SessionService sessions;

    @Test
    void bothHeaderStylesConnectAndIdentifyTheOrganization() {
        var org = newOrganization();
        for (var style : HeaderStyle.values()) {
            var client = client(org.apiKey(), style, null);
            var identity = ok(client, "get_organization", Map.of("api_key", org.apiKey()));
            assertThat(identity.get("id").stringValue()).isEqualTo(org.organization().id().toString());
            assertThat(identity.get("status").stringValue()).isEqualTo("TEST");
            assertThat(identity.get("sandbox").booleanValue()).isTrue();
        }
    }

    @Test
    void getOrganizationRefusesAKeyOtherThanTheConnectionsOwn() {
        var org = newOrganization();
        var other = newOrganization();
        assertThat(error(client(org.apiKey()), "get_organization", Map.of("api_key", other.apiKey())))
                .contains("api_key does not match");
    }

    @Test
    void advertisesThirteenToolsWithSchemasAndAnnotations() {
        var tools = client(newOrganization().apiKey()).listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("get_organization",
                "list_subscription_technologies", "list_flows", "get_flow", "create_flow", "update_flow",
                "create_flow_session", "get_flow_session", "get_flow_session_light_result", "update_flow_session_status",
                "list_flow_session_reviews", "create_flow_session_review", "complete_sandbox_session");
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.title()).isNotBlank();
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.outputSchema()).containsEntry("type", "object");
            assertThat(tool.annotations()).isNotNull();
        });
        assertThat(tools).filteredOn(t -> t.name().startsWith("get_") || t.name().startsWith("list_"))
                .allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
    }

    @Test
    void listsSubscribedTechnologiesWithRulesAndDigitalSignatureMarkedCabinetOnly() {
        var org = organizations.create("Partial", io.kycflow.organization.OrganizationStatus.PRODUCTION,
                List.of(TechnologyCode.LD, TechnologyCode.F2F, TechnologyCode.DSI));
        var technologies = ok(client(org.apiKey()), "list_subscription_technologies", Map.of()).get("technologies");
        assertThat(technologies.valueStream().map(t -> t.get("code").stringValue())).containsExactly("LD", "F2F", "DSI");
        var f2f = technologies.get(1);
        assertThat(f2f.get("config_field").stringValue()).isEqualTo("face2face_config");
        assertThat(f2f.get("rules").get(0).get("type").stringValue()).isEqualTo("requires_before_all");
        assertThat(technologies.get(2).get("mcp_creatable").booleanValue()).isFalse();
    }

    @Test
    void servesTheFourReferenceResources() {
        var client = client(newOrganization().apiKey());
        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri).containsExactlyInAnyOrder(
                "kyc://reference/flow-config-defaults", "kyc://reference/technology-config-defaults",
                "kyc://reference/document-recognition-countries", "kyc://reference/document-recognition-document-types");
        var flowDefaults = read(client, "kyc://reference/flow-config-defaults");
        assertThat(flowDefaults.get("session_ttl_minutes").intValue()).isEqualTo(60);
        assertThat(flowDefaults.get("success_redirect_url").isNull()).isTrue();
        var techDefaults = read(client, "kyc://reference/technology-config-defaults");
        assertThat(techDefaults.get("liveness_config").get("max_attempts").intValue()).isEqualTo(3);
        assertThat(techDefaults.get("face2face_config").get("threshold").doubleValue()).isEqualTo(0.85);
        var countries = read(client, "kyc://reference/document-recognition-countries");
        assertThat(countries.get("count").intValue()).isEqualTo(249);
        assertThat(countries.get("countries").valueStream().filter(c -> c.get("alpha2").stringValue().equals("KZ")))
                .singleElement().satisfies(kz -> assertThat(kz.get("id").intValue()).isEqualTo(398));
        var types = read(client, "kyc://reference/document-recognition-document-types");
        assertThat(types.get("document_types").valueStream().map(t -> t.get("icao_format")).filter(f -> !f.isNull())
                .map(f -> f.stringValue())).contains("TD1", "TD2", "TD3");
    }

    @Test
    void integrationPromptWalksTheWholePathForTheGivenStack() {
        var client = client(newOrganization().apiKey());
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).contains("kyc_integration");
        var prompt = client.getPrompt(new McpSchema.GetPromptRequest("kyc_integration",
                Map.of("backend", "python-django", "frontend", "spa")));
        var text = ((McpSchema.TextContent) prompt.messages().getFirst().content()).text();
        assertThat(text).contains("python-django", "get_organization", "create_flow", "create_flow_session",
                "/api/v1/flows/session/create/", "/api/v1/flows/session/result/light/", "Flow Widget",
                "production code never calls MCP");
    }

    @Test
    void designSmokeTestAndReviewAFlowEndToEnd() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var flow = ok(client, "create_flow", Map.of("request_data", fullFlowRequest("kyc-prod-v1")));
        assertThat(flow.get("api_key").stringValue()).hasSizeGreaterThanOrEqualTo(47);
        assertThat(flow.get("elicitation").stringValue()).isEqualTo("not_needed");
        assertThat(flow.get("technologies").valueStream().map(n -> n.stringValue())).containsExactly("LD", "ED", "F2F");
        var flowId = flow.get("id").stringValue();

        var fetched = ok(client, "get_flow", Map.of("flow_id", flowId));
        assertThat(fetched.get("technology_configs").get("liveness_config").get("challenge").stringValue()).isEqualTo("random");
        assertThat(fetched.get("api_key")).isEqualTo(flow.get("api_key"));

        var updated = ok(client, "update_flow", Map.of("request_data", Map.of("flow_id", flowId,
                "display_name", "Verify your identity", "technology_configs", Map.of("face2face_config", Map.of("threshold", 0.9)))));
        assertThat(updated.get("display_name").stringValue()).isEqualTo("Verify your identity");
        assertThat(updated.get("api_key")).as("the key stays, opened again for the answer").isEqualTo(flow.get("api_key"));
        assertThat(updated.get("technology_configs").get("face2face_config").get("threshold").doubleValue()).isEqualTo(0.9);
        assertThat(updated.get("technology_configs").get("face2face_config").get("fail_on_several_faces").booleanValue()).isTrue();

        var session = ok(client, "create_flow_session", Map.of("flow_api_key", flow.get("api_key").stringValue()));
        var sessionId = session.get("session_id").stringValue();
        assertThat(session.get("verification_url").stringValue()).endsWith("/flow/" + sessionId);
        var view = ok(client, "get_flow_session", Map.of("session_id", sessionId));
        assertThat(view.get("status").stringValue()).isEqualTo("CREATED");
        assertThat(view.has("liveness_result")).isTrue();
        assertThat(view.get("liveness_result").has("media")).isFalse();
        var light = ok(client, "get_flow_session_light_result", Map.of("session_id", sessionId));
        assertThat(light.get("sandbox").booleanValue()).isTrue();
        assertThat(light.get("face2face_result").get("media").isArray()).isTrue();

        assertThat(error(client, "update_flow_session_status", Map.of("session_id", sessionId,
                "request_data", Map.of("status", "APPROVED")))).contains("only FINISHED or FAILED");

        var blocks = new ResultBlocks(catalog);
        var id = java.util.UUID.fromString(sessionId);
        sessions.recordAttempt(id, TechnologyCode.LD, blocks.pass(TechnologyCode.LD));
        sessions.recordAttempt(id, TechnologyCode.ED, blocks.pass(TechnologyCode.ED));
        sessions.recordAttempt(id, TechnologyCode.F2F, blocks.fail(TechnologyCode.F2F, "face_mismatch",
                "similarity 0.41 below threshold 0.9"));
        var failedOnce = ok(client, "get_flow_session_light_result", Map.of("session_id", sessionId));
        assertThat(failedOnce.get("status").stringValue()).isEqualTo("IN_PROGRESS");
        sessions.recordAttempt(id, TechnologyCode.F2F, blocks.pass(TechnologyCode.F2F));
        var finished = ok(client, "get_flow_session_light_result", Map.of("session_id", sessionId));
        assertThat(finished.get("status").stringValue()).isEqualTo("FINISHED");
        assertThat(finished.get("overall_result").booleanValue()).isTrue();
        assertThat(finished.get("liveness_result").get("prediction").stringValue()).isEqualTo("0.9980");

        ok(client, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", Map.of("message", "Looked at the selfie myself")));
        var approved = ok(client, "update_flow_session_status", Map.of("session_id", sessionId,
                "request_data", Map.of("status", "APPROVED", "message", "All good")));
        assertThat(approved.get("status").stringValue()).isEqualTo("APPROVED");
        assertThat(error(client, "update_flow_session_status", Map.of("session_id", sessionId,
                "request_data", Map.of("status", "DECLINED")))).contains("APPROVED");

        var trail = ok(client, "list_flow_session_reviews", Map.of("session_id", sessionId)).get("results");
        assertThat(trail.size()).isEqualTo(2);
        assertThat(trail.get(0).get("type").stringValue()).isEqualTo("MESSAGE");
        assertThat(trail.get(1).get("type").stringValue()).isEqualTo("STATUS_CHANGE");
        assertThat(trail.get(1).get("from_status").stringValue()).isEqualTo("FINISHED");
        assertThat(trail.get(1).get("to_status").stringValue()).isEqualTo("APPROVED");
        assertThat(trail.get(1).get("author").stringValue()).startsWith("org_api_key:").doesNotContain(org.apiKey());
    }

    @Test
    void aFailedSessionCanBeDeclined() {
        var org = newOrganization();
        var client = client(org.apiKey());
        var flow = ok(client, "create_flow", Map.of("request_data", Map.of("name", "ld-only",
                "technology_ids", List.of(technologyId(TechnologyCode.LD)),
                "technology_configs", Map.of("liveness_config", Map.of("max_attempts", 1)))));
        var sessionId = ok(client, "create_flow_session", Map.of("flow_api_key", flow.get("api_key").stringValue()))
                .get("session_id").stringValue();
        sessions.recordAttempt(java.util.UUID.fromString(sessionId), TechnologyCode.LD,
                new ResultBlocks(catalog).fail(TechnologyCode.LD, "eye_closed", "eyes closed"));
        var failed = ok(client, "get_flow_session", Map.of("session_id", sessionId));
        assertThat(failed.get("status").stringValue()).isEqualTo("FAILED");
        assertThat(failed.get("failure_reasons").get(0).get("type").stringValue()).isEqualTo("eye_closed");
        var declined = ok(client, "update_flow_session_status", Map.of("session_id", sessionId,
                "request_data", Map.of("status", "DECLINED")));
        assertThat(declined.get("status").stringValue()).isEqualTo("DECLINED");
    }

    @Test
    void listFlowsPagesNewestFirst() {
        var client = client(newOrganization().apiKey());
        for (int i = 0; i < 5; i++) {
            ok(client, "create_flow", Map.of("request_data", fullFlowRequest("flow-" + i)));
        }
        var first = ok(client, "list_flows", Map.of("limit", 2));
        assertThat(first.get("count").intValue()).isEqualTo(5);
        assertThat(first.get("results").size()).isEqualTo(2);
        assertThat(first.get("results").get(0).get("name").stringValue()).isEqualTo("flow-4");
        assertThat(first.get("results").get(0).has("api_key")).isFalse();
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(first.get("next").intValue()).isEqualTo(2);
        var last = ok(client, "list_flows", Map.of("limit", 2, "offset", 4));
        assertThat(last.get("results").size()).isEqualTo(1);
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(last.get("previous").intValue()).isEqualTo(2);
        assertThat(ok(client, "list_flows", Map.of()).get("results").size()).isEqualTo(5);
    }

    private tools.jackson.databind.JsonNode read(io.modelcontextprotocol.client.McpSyncClient client, String uri) {
        var contents = client.readResource(new ReadResourceRequest(uri)).contents();
        assertThat(contents).hasSize(1);
        assertThat(contents.getFirst().mimeType()).isEqualTo("application/json");
        return json.readTree(((TextResourceContents) contents.getFirst()).text());
    }
}
