package io.kycflow.mcp;

import java.util.List;
import java.util.Map;

import io.kycflow.session.SessionService;
import io.kycflow.support.ResultBlocks;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Org B's key gets "not found" for every one of org A's flows, sessions and reviews, through every tool. */
class McpCrossTenantTests extends McpTestSupport {

    @Autowired
    SessionService sessions;

    @Test
    void anotherOrganizationsFlowsSessionsAndReviewsAreInvisibleThroughEveryTool() {
        var a = client(newOrganization().apiKey());
        var flow = ok(a, "create_flow", Map.of("request_data", Map.of("name", "a-flow",
                "technology_ids", List.of(technologyId(TechnologyCode.LD)),
                "technology_configs", Map.of("liveness_config", Map.of()))));
        var flowId = flow.get("id").stringValue();
        var flowKey = flow.get("api_key").stringValue();
        var sessionId = ok(a, "create_flow_session", Map.of("flow_api_key", flowKey)).get("session_id").stringValue();
        sessions.recordAttempt(java.util.UUID.fromString(sessionId), TechnologyCode.LD,
                new ResultBlocks(catalog).pass(TechnologyCode.LD));
        ok(a, "create_flow_session_review", Map.of("session_id", sessionId, "request_data", Map.of("message", "mine")));

        var b = client(newOrganization().apiKey());
        assertThat(ok(b, "list_flows", Map.of()).get("count").intValue()).isZero();
        assertThat(error(b, "get_flow", Map.of("flow_id", flowId))).contains("No flow with id " + flowId);
        assertThat(error(b, "update_flow", Map.of("request_data", Map.of("flow_id", flowId, "display_name", "stolen"))))
                .contains("No flow with id");
        assertThat(error(b, "create_flow_session", Map.of("flow_api_key", flowKey))).contains("No flow of this organization");
        for (var tool : List.of("get_flow_session", "get_flow_session_light_result", "list_flow_session_reviews")) {
            assertThat(error(b, tool, Map.of("session_id", sessionId))).as(tool).contains("No session with id " + sessionId);
        }
        assertThat(error(b, "update_flow_session_status", Map.of("session_id", sessionId,
                "request_data", Map.of("status", "DECLINED")))).contains("No session with id");
        assertThat(error(b, "create_flow_session_review", Map.of("session_id", sessionId,
                "request_data", Map.of("message", "not yours")))).contains("No session with id");

        // A's data is untouched by B's attempts.
        assertThat(ok(a, "get_flow", Map.of("flow_id", flowId)).get("display_name").stringValue()).isEqualTo("a-flow");
        assertThat(ok(a, "get_flow_session", Map.of("session_id", sessionId)).get("status").stringValue()).isEqualTo("FINISHED");
        assertThat(ok(a, "list_flow_session_reviews", Map.of("session_id", sessionId)).get("results").size()).isEqualTo(1);
    }
}
