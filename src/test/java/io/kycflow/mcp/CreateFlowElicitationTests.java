package io.kycflow.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.kycflow.technology.TechnologyCode;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** create_flow's conversation exactly as the guide describes it, driven by the SDK client's elicitation handler. */
class CreateFlowElicitationTests extends McpTestSupport {

    private static ElicitResult answer(ElicitResult.Action action, Map<String, Object> content) {
        return ElicitResult.builder(action).content(content).build();
    }

    private Map<String, Object> withoutConfigs(String name) {
        return Map.of("name", name, "technology_ids", List.of(technologyId(TechnologyCode.LD),
                technologyId(TechnologyCode.DR), technologyId(TechnologyCode.F2F)));
    }

    @Test
    void noQuestionWhenEveryTechnologyHasAConfig() {
        var asked = new AtomicInteger();
        var client = client(newOrganization().apiKey(), HeaderStyle.BEARER, request -> {
            asked.incrementAndGet();
            return answer(ElicitResult.Action.CANCEL, null);
        });
        var flow = ok(client, "create_flow", Map.of("request_data", fullFlowRequest("complete")));
        assertThat(asked).hasValue(0);
        assertThat(flow.get("elicitation").stringValue()).isEqualTo("not_needed");
        assertThat(flow.get("defaults_applied").isEmpty()).isTrue();
    }

    @Test
    void declineTheOverrideQuestionGivesDefaultsWithNoFurtherPrompts() {
        var questions = new ArrayList<ElicitFormRequest>();
        var client = client(newOrganization().apiKey(), HeaderStyle.BEARER, request -> {
            questions.add(request);
            return answer(ElicitResult.Action.DECLINE, null);
        });
        var flow = ok(client, "create_flow", Map.of("request_data", withoutConfigs("declined")));
        assertThat(questions).hasSize(1);
        assertThat(questions.getFirst().message()).contains("Override", "LD", "DR", "F2F");
        assertThat(flow.get("elicitation").stringValue()).isEqualTo("declined");
        assertThat(flow.get("defaults_applied").valueStream().map(n -> n.stringValue())).containsExactly("LD", "DR", "F2F");
        assertThat(flow.get("technology_configs").get("liveness_config").get("max_attempts").intValue()).isEqualTo(3);
    }

    @Test
    void acceptThenOneTypedFormPerTechnologyAndADeclinedFormKeepsItsDefaults() {
        var questions = new ArrayList<ElicitFormRequest>();
        var client = client(newOrganization().apiKey(), HeaderStyle.BEARER, request -> {
            questions.add(request);
            return switch (questions.size()) {
                case 1 -> answer(ElicitResult.Action.ACCEPT, Map.of());
                case 2 -> answer(ElicitResult.Action.ACCEPT, Map.of("max_attempts", 5, "eye_open_check", false,
                        "challenge", "blink"));
                case 3 -> answer(ElicitResult.Action.DECLINE, null);
                default -> answer(ElicitResult.Action.ACCEPT, Map.of("threshold", 0.92));
            };
        });
        var flow = ok(client, "create_flow", Map.of("request_data", withoutConfigs("accepted")));
        assertThat(questions).hasSize(4);

        @SuppressWarnings("unchecked")
        var livenessForm = (Map<String, Map<String, Object>>) questions.get(1).requestedSchema().get("properties");
        assertThat(livenessForm.get("max_attempts")).containsEntry("type", "integer").containsEntry("minimum", 1)
                .containsEntry("maximum", 10).containsEntry("default", 3);
        assertThat(livenessForm.get("challenge")).containsEntry("type", "string").containsKey("enum");
        assertThat(livenessForm.get("eye_open_check")).containsEntry("type", "boolean").containsEntry("default", true);
        @SuppressWarnings("unchecked")
        var documentForm = (Map<String, Map<String, Object>>) questions.get(2).requestedSchema().get("properties");
        assertThat(documentForm.get("allowed_countries")).containsEntry("type", "string");

        var configs = flow.get("technology_configs");
        assertThat(configs.get("liveness_config").get("max_attempts").intValue()).isEqualTo(5);
        assertThat(configs.get("liveness_config").get("eye_open_check").booleanValue()).isFalse();
        assertThat(configs.get("liveness_config").get("threshold").doubleValue()).isEqualTo(0.8);
        assertThat(configs.get("doc_recognition_config").get("max_attempts").intValue()).isEqualTo(3);
        assertThat(configs.get("face2face_config").get("threshold").doubleValue()).isEqualTo(0.92);
        assertThat(flow.get("elicitation").stringValue()).isEqualTo("accepted");
        assertThat(flow.get("defaults_applied").valueStream().map(n -> n.stringValue())).containsExactly("DR");
    }

    @Test
    void onlyTechnologiesWithoutAConfigAreAskedAbout() {
        var questions = new ArrayList<ElicitFormRequest>();
        var client = client(newOrganization().apiKey(), HeaderStyle.BEARER, request -> {
            questions.add(request);
            return answer(ElicitResult.Action.ACCEPT, Map.of());
        });
        var request = new java.util.HashMap<>(withoutConfigs("partial"));
        request.put("technology_configs", Map.of("liveness_config", Map.of("max_attempts", 2),
                "face2face_config", Map.of("threshold", 0.9)));
        var flow = ok(client, "create_flow", Map.of("request_data", request));
        assertThat(questions).hasSize(2);
        assertThat(questions.get(0).message()).contains("DR").doesNotContain("LD (");
        assertThat(questions.get(1).message()).contains("doc_recognition_config");
        assertThat(flow.get("technology_configs").get("liveness_config").get("max_attempts").intValue()).isEqualTo(2);
    }

    @Test
    void cancelAnywhereEndsWithTheExactMessageAndCreatesNothing() {
        var org = newOrganization();
        for (int cancelAt = 1; cancelAt <= 3; cancelAt++) {
            var asked = new AtomicInteger();
            int stop = cancelAt;
            var client = client(org.apiKey(), HeaderStyle.BEARER, request -> asked.incrementAndGet() == stop
                    ? answer(ElicitResult.Action.CANCEL, null) : answer(ElicitResult.Action.ACCEPT, Map.of()));
            assertThat(error(client, "create_flow", Map.of("request_data", withoutConfigs("cancelled-" + cancelAt))))
                    .isEqualTo("create_flow cancelled by user.");
            assertThat(asked).hasValue(cancelAt);
        }
        var client = client(org.apiKey());
        assertThat(ok(client, "list_flows", Map.of()).get("count").intValue()).isZero();
    }

    @Test
    void aClientWithoutElicitationGetsDefaultsAndIsToldSo() {
        var client = client(newOrganization().apiKey(), HeaderStyle.X_ORG_API_KEY, null);
        var flow = ok(client, "create_flow", Map.of("request_data", withoutConfigs("headless")));
        assertThat(flow.get("elicitation").stringValue()).isEqualTo("unsupported");
        assertThat(flow.get("defaults_applied").valueStream().map(n -> n.stringValue())).containsExactly("LD", "DR", "F2F");
        assertThat(flow.get("note").stringValue()).contains("does not support elicitation", "LD, DR, F2F");
    }

    @Test
    void anInvalidFormAnswerIsRefusedNamingTheFieldAndCreatesNothing() {
        var questions = new AtomicInteger();
        var client = client(newOrganization().apiKey(), HeaderStyle.BEARER, request -> questions.incrementAndGet() == 1
                ? answer(ElicitResult.Action.ACCEPT, Map.of())
                : answer(ElicitResult.Action.ACCEPT, Map.of("max_attempts", 50)));
        assertThat(error(client, "create_flow", Map.of("request_data", withoutConfigs("bad-answer"))))
                .contains("liveness_config.max_attempts", "between 1 and 10");
        assertThat(ok(client, "list_flows", Map.of()).get("count").intValue()).isZero();
    }

    @Test
    void digitalSignatureTechnologiesAreRefusedWithGuidanceToTheCabinet() {
        var asked = new AtomicInteger();
        var client = client(newOrganization().apiKey(), HeaderStyle.BEARER, request -> {
            asked.incrementAndGet();
            return answer(ElicitResult.Action.DECLINE, null);
        });
        for (var code : List.of(TechnologyCode.DSI, TechnologyCode.DSN, TechnologyCode.DSS)) {
            var message = error(client, "create_flow", Map.of("request_data", Map.of("name", "signing-" + code,
                    "technology_ids", List.of(technologyId(TechnologyCode.LD), technologyId(code)))));
            assertThat(message).contains(code.name(), "Cabinet", "list_flows");
        }
        assertThat(asked).hasValue(0);
        assertThat(ok(client, "list_flows", Map.of()).get("count").intValue()).isZero();
        var flow = ok(client, "create_flow", Map.of("request_data", fullFlowRequest("plain")));
        assertThat(error(client, "update_flow", Map.of("request_data", Map.of("flow_id", flow.get("id").stringValue(),
                "technology_ids", List.of(technologyId(TechnologyCode.DSS)))))).contains("Cabinet");
    }
}
