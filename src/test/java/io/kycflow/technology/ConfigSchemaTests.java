package io.kycflow.technology;

import java.util.Set;

import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.support.KycAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** Each technology's declared config schema, exercised through the real providers; no Spring needed. */
class ConfigSchemaTests {

    /** Stands in for the reference lists: Kazakhstan (398) and Russia (643); passport (1) and ID card (4). */
    private static final IdLookup IDS = (reference, id) -> switch (reference) {
        case ConfigField.COUNTRIES -> Set.of(398, 643).contains(id);
        case ConfigField.DOCUMENT_TYPES -> Set.of(1, 4).contains(id);
        default -> false;
    };

    private final ConfigSchema liveness = new LivenessTechnology().configSchema();
    private final ConfigSchema document = new DocumentRecognitionTechnology().configSchema();
    private final ConfigSchema face = new FaceMatchTechnology().configSchema();
    private final ConfigSchema edocument = new EDocumentTechnology().configSchema();
    private final ConfigSchema flow = FlowConfigSchema.SCHEMA;

    @Test
    void absentConfigResolvesToTheDeclaredDefaults() {
        var resolved = liveness.resolve(null, IDS);
        assertThat(resolved.path("max_attempts").asInt()).isEqualTo(3);
        assertThat(resolved.path("eye_open_check").asBoolean()).isTrue();
        assertThat(resolved.path("mask_attack_check_required").asBoolean()).isFalse();
        assertThat(resolved.path("challenge").asString()).isEqualTo("random");
        assertThat(face.resolve(null, IDS).path("threshold").asDouble()).isEqualTo(0.85);
        assertThat(edocument.resolve(null, IDS).path("document_type").asString()).isEqualTo("IdentityCard");
        assertThat(document.resolve(null, IDS).path("allowed_countries").isEmpty()).isTrue();
        var flowDefaults = flow.resolve(null, IDS);
        assertThat(flowDefaults.path("session_ttl_minutes").asInt()).isEqualTo(60);
        assertThat(flowDefaults.path("success_redirect_url").isNull()).isTrue();
        assertThat(flowDefaults.propertyNames()).containsExactlyInAnyOrder("success_redirect_url", "failure_redirect_url",
                "show_qr", "always_mobile", "fingerprint_check", "session_ttl_minutes", "locale", "widget_allowed_origins");
        assertThat(flowDefaults.path("widget_allowed_origins").isArray()).isTrue();
        assertThat(flowDefaults.path("widget_allowed_origins").isEmpty()).isTrue();
    }

    @Test
    void widgetOriginsAreExactOriginsStoredInTheFormBrowsersReport() {
        var resolved = flow.resolve(json("{\"widget_allowed_origins\":[\"HTTPS://Shop.Example:443\",\"http://127.0.0.1:8081\","
                + "\"https://shop.example\"]}"), IDS);
        assertThat(resolved.path("widget_allowed_origins").toString()).isEqualTo("[\"https://shop.example\",\"http://127.0.0.1:8081\"]");
        for (var bad : new String[] {"\"https://shop.example/\"", "\"https://shop.example/pay\"", "\"https://*.example\"", "\"*\"",
                "\"ftp://shop.example\"", "\"shop.example\"", "\"https://user@shop.example\"", "\"https://shop.example?x=1\"",
                "\"'self'\"", "\"https://shop.example; script-src *\"", "42"}) {
            var e = assertInvalid(() -> flow.resolve(json("{\"widget_allowed_origins\":[" + bad + "]}"), IDS),
                    "flow_config.widget_allowed_origins");
            assertThat(e.getMessage()).contains("such as \"https://shop.example\"");
        }
        assertInvalid(() -> flow.resolve(json("{\"widget_allowed_origins\":\"https://shop.example\"}"), IDS),
                "flow_config.widget_allowed_origins");
        var many = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"https://s").append(i).append(".example\"");
        }
        assertInvalid(() -> flow.resolve(json("{\"widget_allowed_origins\":" + many + "]}"), IDS), "flow_config.widget_allowed_origins");
    }

    @Test
    void partialConfigKeepsGivenValuesAndFillsInTheRest() {
        var resolved = liveness.resolve(json("{\"max_attempts\":7,\"eye_open_check\":false}"), IDS);
        assertThat(resolved.path("max_attempts").asInt()).isEqualTo(7);
        assertThat(resolved.path("eye_open_check").asBoolean()).isFalse();
        assertThat(resolved.path("threshold").asDouble()).isEqualTo(0.8);
        assertThat(resolved.propertyNames()).hasSize(liveness.fields().size());
    }

    @Test
    void unknownFieldIsRefusedNamingIt() {
        var e = assertInvalid(() -> liveness.resolve(json("{\"max_attempt\":3}"), IDS), "liveness_config.max_attempt");
        assertThat(e.getMessage()).contains("unknown field", "max_attempts", "eye_open_check");
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheRange() {
        var e = assertInvalid(() -> liveness.resolve(json("{\"max_attempts\":11}"), IDS), "liveness_config.max_attempts");
        assertThat(e.getMessage()).contains("between 1 and 10");
        assertInvalid(() -> liveness.resolve(json("{\"max_attempts\":0}"), IDS), "liveness_config.max_attempts");
        assertInvalid(() -> face.resolve(json("{\"threshold\":1.01}"), IDS), "face2face_config.threshold");
        assertInvalid(() -> flow.resolve(json("{\"session_ttl_minutes\":4}"), IDS), "flow_config.session_ttl_minutes");
        assertThat(liveness.resolve(json("{\"max_attempts\":10}"), IDS).path("max_attempts").asInt()).isEqualTo(10);
        assertThat(face.resolve(json("{\"threshold\":0}"), IDS).path("threshold").asDouble()).isEqualTo(0.0);
    }

    @Test
    void wrongTypesAreRefused() {
        var e = assertInvalid(() -> liveness.resolve(json("{\"eye_open_check\":\"yes\"}"), IDS), "liveness_config.eye_open_check");
        assertThat(e.getMessage()).contains("boolean");
        assertInvalid(() -> liveness.resolve(json("{\"eye_open_check\":1}"), IDS), "liveness_config.eye_open_check");
        assertInvalid(() -> liveness.resolve(json("{\"max_attempts\":\"3\"}"), IDS), "liveness_config.max_attempts");
        assertInvalid(() -> liveness.resolve(json("{\"max_attempts\":2.5}"), IDS), "liveness_config.max_attempts");
        assertInvalid(() -> face.resolve(json("{\"threshold\":\"0.9\"}"), IDS), "face2face_config.threshold");
        assertInvalid(() -> liveness.resolve(json("{\"eye_open_check\":null}"), IDS), "liveness_config.eye_open_check");
    }

    @Test
    void configThatIsNotAnObjectIsRefusedNamingTheConfig() {
        assertInvalid(() -> liveness.resolve(TestData.json("{\"a\":[1]}").get("a"), IDS), "liveness_config");
    }

    @Test
    void enumViolationListsTheAllowedValues() {
        var e = assertInvalid(() -> edocument.resolve(json("{\"document_type\":\"IDCard\"}"), IDS), "edocument_config.document_type");
        assertThat(e.getMessage()).contains("IdentityCard", "Passport", "DriverLicense");
        assertInvalid(() -> liveness.resolve(json("{\"challenge\":\"wink\"}"), IDS), "liveness_config.challenge");
        assertInvalid(() -> flow.resolve(json("{\"locale\":\"de\"}"), IDS), "flow_config.locale");
        assertThat(flow.resolve(json("{\"locale\":\"kz\"}"), IDS).path("locale").asString()).isEqualTo("kz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://shop.example/done", "not a url", "/relative/path", "javascript:alert(1)",
            "https://", "mailto:ops@shop.example"})
    void redirectUrlMustBeAnAbsoluteHttpUrl(String url) {
        assertInvalid(() -> flow.resolve(json("{\"success_redirect_url\":\"" + url + "\"}"), IDS),
                "flow_config.success_redirect_url");
    }

    @Test
    void redirectUrlAcceptsHttpsHttpAndNull() {
        var resolved = flow.resolve(json("{\"success_redirect_url\":\"https://shop.example/kyc/done?ref=1\","
                + "\"failure_redirect_url\":null}"), IDS);
        assertThat(resolved.path("success_redirect_url").asString()).isEqualTo("https://shop.example/kyc/done?ref=1");
        assertThat(resolved.path("failure_redirect_url").isNull()).isTrue();
        assertThat(flow.resolve(json("{\"success_redirect_url\":\"http://localhost:3000/ok\"}"), IDS)
                .path("success_redirect_url").asString()).isEqualTo("http://localhost:3000/ok");
        var tooLong = "https://shop.example/" + "a".repeat(2048);
        assertInvalid(() -> flow.resolve(json("{\"success_redirect_url\":\"" + tooLong + "\"}"), IDS),
                "flow_config.success_redirect_url");
    }

    @Test
    void idListsAcceptKnownIdsOnly() {
        var e = assertInvalid(() -> document.resolve(json("{\"allowed_countries\":[398,999]}"), IDS),
                "doc_recognition_config.allowed_countries");
        assertThat(e.getMessage()).contains("999");
        assertInvalid(() -> document.resolve(json("{\"allowed_countries\":[\"KZ\"]}"), IDS),
                "doc_recognition_config.allowed_countries");
        assertInvalid(() -> document.resolve(json("{\"allowed_countries\":398}"), IDS),
                "doc_recognition_config.allowed_countries");
        assertInvalid(() -> document.resolve(json("{\"allowed_document_types\":[398]}"), IDS),
                "doc_recognition_config.allowed_document_types");
        var resolved = document.resolve(json("{\"allowed_countries\":[398,643,398],\"allowed_document_types\":[4]}"), IDS);
        assertThat(resolved.path("allowed_countries").valueStream().map(n -> n.asInt()).toList()).containsExactly(398, 643);
        assertThat(resolved.path("allowed_document_types").get(0).asInt()).isEqualTo(4);
    }

    @Test
    void mergeReplacesOnlyPatchedFieldsAndRevalidates() {
        var current = liveness.resolve(json("{\"max_attempts\":5}"), IDS);
        var merged = liveness.merge(current, json("{\"challenge\":\"blink\"}"), IDS);
        assertThat(merged.path("max_attempts").asInt()).isEqualTo(5);
        assertThat(merged.path("challenge").asString()).isEqualTo("blink");
        assertInvalid(() -> liveness.merge(current, json("{\"max_attempts\":11}"), IDS), "liveness_config.max_attempts");
    }

    @Test
    void attemptsPerStepFollowEachTechnologysConfig() {
        var ed = new EDocumentTechnology();
        assertThat(ed.maxAttempts(edocument.resolve(null, IDS))).isEqualTo(4);
        assertThat(ed.maxAttempts(edocument.resolve(json("{\"max_retry_attempts\":0}"), IDS))).isEqualTo(1);
        assertThat(ed.maxAttempts(edocument.resolve(json("{\"allow_retry\":false,\"max_retry_attempts\":5}"), IDS))).isEqualTo(1);
        assertThat(new LivenessTechnology().maxAttempts(liveness.resolve(json("{\"max_attempts\":6}"), IDS))).isEqualTo(6);
    }

    @Test
    void jsonSchemaDescribesTheSameFieldsWithoutExtras() {
        var schema = liveness.jsonSchema();
        assertThat(schema.get("additionalProperties")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        var properties = (java.util.Map<String, java.util.Map<String, Object>>) schema.get("properties");
        assertThat(properties.keySet()).containsExactlyInAnyOrder("max_attempts", "eye_open_check",
                "mask_attack_check_required", "challenge", "threshold");
        assertThat(properties.get("max_attempts")).containsEntry("minimum", 1).containsEntry("maximum", 10)
                .containsEntry("default", 3);
    }

    private static ObjectNode json(String text) {
        return TestData.json(text);
    }
}
