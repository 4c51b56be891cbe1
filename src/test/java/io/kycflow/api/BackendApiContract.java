package io.kycflow.api;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.IssuedOrganization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FaceEvaluationSet;
import io.kycflow.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Backend Integration API over real HTTP: the guard (key, per-organization rate limit of 5 a minute in these
 * contexts, upload checks, audit rows) with sandbox organizations, and the real face engines for a PRODUCTION
 * organization on the packaged sample photos (skipped, saying so, when scripts/fetch-models has not run).
 */
abstract class BackendApiContract {

    static final String LIVENESS = "/api/v1/backend/liveness/short/";
    static final String COMPARE = "/api/v1/backend/face2face/compare/";
    static final String MODELS_PROPERTIES = "kycflow.engines.models-dir=data/models";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FaceEngines faceEngines;

    Http http;
    TestData data;

    @BeforeEach
    void client() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
    }

    @Test
    void aMissingOrWrongKeyIs401AndNothingIsAudited() {
        var none = post(LIVENESS, null, new Multipart().file("image", "image/png", png()));
        none.assertProblem(401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        post(COMPARE, "x".repeat(60), new Multipart().file("img_1", "image/png", png())).assertProblem(401, "unauthorized");
    }

    @Test
    void aSandboxOrganizationGetsLabelledSandboxAnswersWithEitherKeyHeader() {
        var org = data.org();
        var response = post(LIVENESS, org.apiKey(), new Multipart().file("image", "image/png", png()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var answer = response.json();
        assertThat(answer.path("result").asBoolean()).isTrue();
        assertThat(answer.path("sandbox").asBoolean()).isTrue();
        assertThat(answer.path("prediction").asString()).matches("0\\.\\d{4}");
        assertThat(answer.has("eye_closed") && answer.has("face_center") && answer.has("face_direction")
                && answer.has("failure_reason")).as(response.body()).isTrue();
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("5");

        var compared = http.send("POST", COMPARE, null, BodyPublishers.noBody(), "X-Org-API-Key", org.apiKey());
        compared.assertProblem(415, "unsupported_media_type");
        var multipart = new Multipart().file("img_1", "image/png", png()).file("img_2", "image/png", png());
        var ok = http.send("POST", COMPARE, multipart.contentType(), BodyPublishers.ofByteArray(multipart.bytes()),
                "X-Org-API-Key", org.apiKey());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("faces").path("img_1").asInt()).isEqualTo(1);
        assertThat(ok.json().path("threshold").asDouble()).isEqualTo(0.85);
        assertThat(ok.json().path("sandbox").asBoolean()).isTrue();
        assertThat(outcomes(org)).containsExactly("passed", "refused:unsupported_media_type", "passed");
    }

    @Test
    void imagesAreCheckedAsCapturesAre() {
        var org = data.org();
        post(LIVENESS, org.apiKey(), new Multipart().file("image", "image/png", "GIF89a, not a picture".getBytes()))
                .assertProblem(415, "capture_type_unsupported");
        post(LIVENESS, org.apiKey(), new Multipart().file("picture", "image/png", png())).assertProblem(400, "unexpected_part");
        post(COMPARE, org.apiKey(), new Multipart().file("img_1", "image/png", png())).assertProblem(400, "validation_failed");
        var big = new byte[10 * 1024 * 1024 + 10];
        big[0] = (byte) 0x89;
        var tooLarge = post(LIVENESS, org.apiKey(), new Multipart().file("image", "image/png", big));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(outcomes(org)).startsWith("refused:capture_type_unsupported", "refused:unexpected_part",
                "refused:validation_failed");
    }

    @Test
    void theSixthCallInAMinuteIsRateLimitedPerOrganization() {
        var org = data.org();
        var other = data.org();
        for (int i = 0; i < 5; i++) {
            assertThat(post(LIVENESS, org.apiKey(), new Multipart().file("image", "image/png", png())).status()).isEqualTo(200);
        }
        var refused = post(LIVENESS, org.apiKey(), new Multipart().file("image", "image/png", png()));
        refused.assertProblem(429, "rate_limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(post(LIVENESS, other.apiKey(), new Multipart().file("image", "image/png", png())).status()).isEqualTo(200);
        assertThat(outcomes(org)).hasSize(6).endsWith("refused:rate_limited");
        var row = jdbc.sql("SELECT endpoint, sandbox FROM backend_call WHERE organization_id = ? ORDER BY id")
                .param(org.organization().id()).query((rs, n) -> rs.getString(1) + "|" + rs.getBoolean(2)).list();
        assertThat(row).allMatch(r -> r.equals("liveness/short|true"));
    }

    @Test
    void productionUsesTheRealEnginesOnRealFaces() {
        assumeTrue(faceEngines.available(), "face models not fetched: real-engine API tests SKIPPED (run scripts/fetch-models)");
        var org = data.org(OrganizationStatus.PRODUCTION, TechnologyCode.values());
        var set = faceEngines.run(() -> FaceEvaluationSet.load(faceEngines.analyzer()));
        var face = set.faces().stream().filter(f -> f.name().equals("s3/1")).findFirst().orElseThrow();
        var other = set.faces().stream().filter(f -> f.name().equals("s5/5")).findFirst().orElseThrow();
        byte[] selfie = FaceEvaluationSet.jpegBytes(face.crop(), 0.9f);
        byte[] sameFaceChanged = FaceEvaluationSet.jpegBytes(FaceEvaluationSet.perturbations().get("combined").apply(face.crop()), 0.9f);
        byte[] stranger = FaceEvaluationSet.jpegBytes(other.crop(), 0.9f);

        var live = post(LIVENESS, org.apiKey(), new Multipart().file("image", "image/jpeg", selfie));
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        var answer = live.json();
        assertThat(answer.path("sandbox").asBoolean()).isFalse();
        assertThat(answer.path("prediction").asString()).matches("0\\.\\d{4}|1\\.0000");
        assertThat(answer.path("face_center").path("x").asDouble()).isBetween(0.3, 0.7); // the crop is made around the face
        assertThat(answer.path("eye_closed").asBoolean()).isFalse();

        var same = compare(org, selfie, sameFaceChanged).json();
        assertThat(same.path("result").asBoolean()).as(same.toString()).isTrue();
        assertThat(Double.parseDouble(same.path("similarity").asString())).isGreaterThan(0.85);
        assertThat(same.path("faces").path("img_2").asInt()).isEqualTo(1);
        var different = compare(org, selfie, stranger).json();
        assertThat(different.path("result").asBoolean()).as(different.toString()).isFalse();
        assertThat(different.path("failure_reason").path("type").asString()).isEqualTo("face_mismatch");
        var noFace = compare(org, selfie, png()).json();
        assertThat(noFace.path("failure_reason").path("type").asString()).isEqualTo("no_face");
        assertThat(noFace.path("faces").path("img_2").asInt()).isZero();
        assertThat(outcomes(org)).containsExactly(answer.path("result").asBoolean() ? "passed" : "failed", "passed", "failed", "failed");
    }

    Http.Response compare(IssuedOrganization org, byte[] a, byte[] b) {
        return post(COMPARE, org.apiKey(), new Multipart().file("img_1", "image/jpeg", a).file("img_2", "image/jpeg", b));
    }

    Http.Response post(String path, String key, Multipart body) {
        var headers = key == null ? new String[0] : new String[] {"Authorization", "Bearer " + key};
        return http.send("POST", path, body.contentType(), BodyPublishers.ofByteArray(body.bytes()), headers);
    }

    java.util.List<String> outcomes(IssuedOrganization org) {
        return jdbc.sql("SELECT outcome FROM backend_call WHERE organization_id = ? ORDER BY id")
                .param(org.organization().id()).query(String.class).list();
    }

    /** A 320 × 240 PNG without a face. */
    static byte[] png() {
        var image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(40, 40, 200, 120);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
