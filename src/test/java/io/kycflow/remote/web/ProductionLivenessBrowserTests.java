package io.kycflow.remote.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FaceEvaluationSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PRODUCTION session's liveness step walked in Chromium on the real LD engine: the fake camera plays a video made
 * from a sample photo in which the eyes are painted shut 40 % of the time (a simulated blink, docs/models.md), and the
 * page first shows the server's live guidance (the face is in the oval), then reaches the success redirect with a real, non-sandbox result; the same photo without the blink, as a printed
 * photo held to the camera, ends at the failure redirect; with no face before the camera the screen says so (in
 * amber, Start still enabled). Skipped without the models or the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", "kycflow.engines.models-dir=data/models"})
@ActiveProfiles("test")
class ProductionLivenessBrowserTests {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired FaceEngines faceEngines;

    @Test
    void aBlinkingFaceOnTheFakeCameraPassesTheRealLivenessCheck() {
        var light = walk(true, "live");
        assertThat(light.path("status").asString()).as(light.toString()).isEqualTo("FINISHED");
        var block = light.path("liveness_result");
        assertThat(block.path("sandbox").asBoolean(true)).isFalse();
        assertThat(block.path("provider").asString()).isEqualTo("kycflow-face");
        assertThat(block.path("eye_closed").asBoolean(true)).isFalse();
    }

    @Test
    void aPrintedPhotoHeldToTheCameraFailsIt() {
        var light = walk(false, "photo");
        assertThat(light.path("status").asString()).as(light.toString()).isEqualTo("FAILED");
        var block = light.path("liveness_result");
        assertThat(block.path("sandbox").asBoolean(true)).isFalse();
        assertThat(block.path("failure_reason").path("type").asString()).isIn("liveness_not_confirmed", "challenge_failed");
    }

    @Test
    void withNoFaceBeforeTheCameraTheScreenSaysSoWithoutBlockingStart() throws IOException {
        Chromium.assumeInstalled();
        assumeTrue(faceEngines.available(), "face models not fetched: production guidance walk SKIPPED (run scripts/fetch-models)");
        var wall = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
        var g = wall.createGraphics();
        g.setColor(new Color(0xd8d2c4));
        g.fillRect(0, 0, 480, 480);
        g.setColor(new Color(0x9a8f7a));
        g.fillRect(300, 60, 120, 160); // a picture frame on the wall: something, but no face
        g.dispose();
        var video = Path.of("target", "browser-media", "no-face.y4m");
        Files.createDirectories(video.getParent());
        try (OutputStream out = Files.newOutputStream(video)) {
            out.write("YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n".getBytes(StandardCharsets.US_ASCII));
            var still = frame(wall);
            for (int f = 0; f < 10; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(still);
            }
        }
        var data = new TestData(organizations, flows, catalog);
        var flow = data.flow(data.org(OrganizationStatus.PRODUCTION, LD).organization().id(), LD);
        var session = new Http(port).postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        try (var phone = new Chromium(Chromium.Size.PHONE, Chromium.Camera.FAKE, video, "production-liveness-no-face")) {
            phone.open("http://localhost:" + port + "/flow/" + session);
            phone.click("s-intro", "agree");
            phone.click("step-0-prep", "ld-primer");
            phone.click("step-0-primer", "ld-camera");
            HostedFlowBrowserTests.waitCameraLive(phone, "step-0-capture", "ld-start");
            var instruction = phone.driver().findElement(By.cssSelector("#step-0-capture [data-instruction]"));
            new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), Duration.ofSeconds(30))
                    .until(d -> instruction.getText().contains("can’t see your face"));
            assertThat(instruction.getAttribute("aria-live")).isEqualTo("polite");
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-capture .viewer")).getAttribute("class"))
                    .contains("warn").doesNotContain("good");
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-capture [data-action='ld-start']")).isEnabled())
                    .as("guidance never blocks Start").isTrue();
            phone.screenshot("face-guidance-no-face");
            assertThat(phone.axe()).as("axe serious/critical on the guided camera screen").isEmpty();
        }
    }

    /** One PRODUCTION LD session (blink challenge, one attempt) walked with the video; its light result. */
    private tools.jackson.databind.JsonNode walk(boolean blinking, String name) {
        Chromium.assumeInstalled();
        assumeTrue(faceEngines.available(), "face models not fetched: real LD browser walk SKIPPED (run scripts/fetch-models)");
        var set = faceEngines.run(() -> FaceEvaluationSet.load(faceEngines.analyzer()));
        var face = set.faces().stream().filter(f -> f.name().equals("s3/1")).findFirst().orElseThrow();
        var video = video(face, blinking, Path.of("target", "browser-media", name + "-face.y4m"));
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, LD);
        var base = "http://localhost:" + port;
        var flow = data.flow(org.organization().id(), "{\"success_redirect_url\":\"" + base + "/kyc-return/" + name + "/success\","
                + "\"failure_redirect_url\":\"" + base + "/kyc-return/" + name + "/failure\"}",
                "{\"liveness_config\":{\"challenge\":\"blink\",\"max_attempts\":1}}", LD);
        var http = new Http(port);
        var session = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        try (var phone = new Chromium(Chromium.Size.PHONE, Chromium.Camera.FAKE, video, "production-liveness-" + name)) {
            phone.open(base + "/flow/" + session);
            phone.click("s-intro", "agree");
            phone.click("step-0-prep", "ld-primer");
            phone.click("step-0-primer", "ld-camera");
            HostedFlowBrowserTests.waitCameraLive(phone, "step-0-capture", "ld-start");
            // live guidance from the server's face detector: the face fills the oval, so it says so and turns it green
            var instruction = phone.driver().findElement(By.cssSelector("#step-0-capture [data-instruction]"));
            new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), Duration.ofSeconds(30))
                    .until(d -> instruction.getText().startsWith("Good."));
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-capture .viewer"))
                    .getAttribute("class")).contains("good").doesNotContain("warn");
            phone.screenshot("face-guidance-ok");
            phone.click("step-0-capture", "ld-start");
            var redirect = "/kyc-return/" + name + "/" + (blinking ? "success" : "failure");
            // a generous bound for a loaded CI machine: capture ~4 s, then the real check; nothing is timed here
            new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), Duration.ofSeconds(90))
                    .until(d -> phone.url().contains(redirect));
        }
        return http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key", flow.apiKey())).json();
    }

    /**
     * 640 × 480 YUV4MPEG2 at 10 frames/s, 2 s looped: the face, with the eyes shut in 4 frames of every 10 when
     * {@code blinking}; otherwise one still picture (a printed photo held perfectly still).
     */
    static Path video(FaceEvaluationSet.Face face, boolean blinking, Path file) {
        var open = frame(face.crop());
        var shut = frame(FaceEvaluationSet.closeEyes(face.crop(), face.face().landmarks()));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write("YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n".getBytes(StandardCharsets.US_ASCII));
                for (int f = 0; f < 20; f++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(blinking && f % 10 >= 3 && f % 10 <= 6 ? shut : open);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The picture scaled to 480 px high in the middle of a grey 640 × 480 frame, as 4:2:0 full-range YCbCr. */
    private static byte[] frame(BufferedImage picture) {
        var canvas = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = canvas.createGraphics();
        g.setColor(new Color(0x808080));
        g.fillRect(0, 0, 640, 480);
        int w = picture.getWidth() * 480 / picture.getHeight();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, (640 - w) / 2, 0, w, 480, null);
        g.dispose();
        var yuv = new byte[640 * 480 * 3 / 2];
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int c = canvas.getRGB(x, y);
                yuv[y * 640 + x] = (byte) clamp(0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF));
            }
        }
        int u = 640 * 480;
        int v = u + 320 * 240;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                double r = 0;
                double gr = 0;
                double b = 0;
                for (int k = 0; k < 4; k++) {
                    int c = canvas.getRGB(2 * x + (k & 1), 2 * y + (k >> 1));
                    r += (c >> 16 & 0xFF) / 4.0;
                    gr += (c >> 8 & 0xFF) / 4.0;
                    b += (c & 0xFF) / 4.0;
                }
                yuv[u + y * 320 + x] = (byte) clamp(128 - 0.168736 * r - 0.331264 * gr + 0.5 * b);
                yuv[v + y * 320 + x] = (byte) clamp(128 + 0.5 * r - 0.418688 * gr - 0.081312 * b);
            }
        }
        return yuv;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
