package io.kycflow.remote;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.support.WebpEncoder;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FaceEvaluationSet;
import io.kycflow.verification.internal.face.FaceEvaluationSet.Burst;
import io.kycflow.support.Multipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PRODUCTION session's liveness step through the captures API on the real LD engine: a still burst (one photo
 * repeated, as a printed photo held to the camera) fails, a burst of the same face with a simulated blink passes,
 * and the kept selfie is stored. Skipped, saying so, without the face models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", "kycflow.engines.models-dir=data/models"})
@ActiveProfiles("test")
class RealEngineCapturesTests {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired FaceEngines faceEngines;

    @Test
    void aStillBurstFailsAndABlinkingFacePassesOnTheRealEngine() {
        assumeTrue(faceEngines.available(), "face models not fetched: real LD engine test SKIPPED (run scripts/fetch-models)");
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, LD);
        var flow = data.flow(org.organization().id(), null, "{\"liveness_config\":{\"challenge\":\"blink\",\"max_attempts\":2}}", LD);
        var http = new Http(port);
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        var session = created.json().path("session_id").asString();
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);
        var set = faceEngines.run(() -> FaceEvaluationSet.load(faceEngines.analyzer()));
        var face = set.faces().stream().filter(f -> f.name().equals("s3/1")).findFirst().orElseThrow();

        var still = phone.captures(session, burst(FaceEvaluationSet.burst(face, Burst.STATIC, 1)));
        assertThat(still.status()).as(still.body()).isEqualTo(200);
        var afterStill = light(http, flow.apiKey(), session).path("liveness_result");
        assertThat(afterStill.path("result").isNull()).as("one attempt left: still pending").isTrue();
        assertThat(afterStill.path("attempts").asInt()).isEqualTo(1);
        assertThat(afterStill.path("failure_reason").path("type").asString()).isEqualTo("liveness_not_confirmed");
        assertThat(afterStill.path("sandbox").asBoolean(true)).isFalse();

        var live = phone.captures(session, burst(FaceEvaluationSet.burst(face, Burst.BLINK, 2)));
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        var result = light(http, flow.apiKey(), session);
        assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("FINISHED");
        var block = result.path("liveness_result");
        assertThat(block.path("result").asBoolean()).isTrue();
        assertThat(block.path("provider").asString()).isEqualTo("kycflow-face");
        assertThat(Double.parseDouble(block.path("prediction").asString())).isGreaterThanOrEqualTo(0.8);
        assertThat(block.path("eye_closed").asBoolean(true)).isFalse();
        assertThat(block.path("media").toString()).as("the kept selfie is stored").contains("\"kind\":\"selfie\"");
    }

    @Test
    void aWebpBurstIsReadByTheRealEngine() {
        assumeTrue(faceEngines.available(), "face models not fetched: real LD engine test SKIPPED (run scripts/fetch-models)");
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, LD);
        var flow = data.flow(org.organization().id(), null, "{\"liveness_config\":{\"challenge\":\"blink\"}}", LD);
        var http = new Http(port);
        var session = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);
        var set = faceEngines.run(() -> FaceEvaluationSet.load(faceEngines.analyzer()));
        var face = set.faces().stream().filter(f -> f.name().equals("s3/1")).findFirst().orElseThrow();
        var frames = WebpEncoder.encode(FaceEvaluationSet.burst(face, Burst.BLINK, 2), "image/jpeg", 0.9);

        var live = phone.captures(session, burst(frames, "image/webp"));
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        var block = light(http, flow.apiKey(), session).path("liveness_result");
        assertThat(block.path("result").asBoolean()).as(block.toString()).isTrue();
        assertThat(block.path("provider").asString()).isEqualTo("kycflow-face");
        assertThat(block.path("media").toString()).contains("image/webp");
    }

    private static Multipart burst(java.util.List<byte[]> frames) {
        return burst(frames, "image/jpeg");
    }

    private static Multipart burst(java.util.List<byte[]> frames, String mediaType) {
        var form = new Multipart().text("technology", "LD");
        frames.forEach(frame -> form.file("frame", mediaType, frame));
        return form;
    }

    private static tools.jackson.databind.JsonNode light(Http http, String flowKey, String session) {
        var response = http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key", flowKey));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
