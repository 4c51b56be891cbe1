package io.kycflow.remote.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.support.documents.DocumentSet;
import io.kycflow.support.documents.SyntheticDocument;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzGenerator;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FaceEvaluationSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static io.kycflow.verification.internal.document.Mrz.Sex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PRODUCTION LD → DR → F2F session walked in Chromium on the real engines, one person throughout: the fake camera
 * plays a blinking video of sample face s3/1, the passport uploaded through the page's upload option carries the same
 * face as its portrait, and F2F compares the selfie LD kept with the portrait DR cropped. Every screen is
 * photographed under target/screenshots/production-walk/. Skipped without the models, the OCR-B font or the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", "kycflow.engines.models-dir=data/models"})
@ActiveProfiles("test")
class ProductionWalkBrowserTests {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired FaceEngines faceEngines;

    @Test
    void oneFaceOnCameraAndPassportFinishesOnTheRealEngines() {
        Chromium.assumeInstalled();
        assumeTrue(faceEngines.available(), "face models not fetched: real LD/DR/F2F walk SKIPPED (run scripts/fetch-models)");
        assumeTrue(SyntheticDocument.fontAvailable(), "OCR-B font missing: real DR walk SKIPPED (fonts-ocr-b)");
        var set = faceEngines.run(() -> FaceEvaluationSet.load(faceEngines.analyzer()));
        var face = set.faces().stream().filter(f -> f.name().equals("s3/1")).findFirst().orElseThrow();
        var video = ProductionLivenessBrowserTests.video(face, true, Path.of("target", "browser-media", "walk-face.y4m"));
        var passport = passport(face, Path.of("target", "browser-media", "walk-passport.jpg"));

        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, LD, DR, F2F);
        var base = "http://localhost:" + port;
        var flow = data.flow(org.organization().id(), "{\"success_redirect_url\":\"" + base + "/kyc-return/walk/success\","
                + "\"failure_redirect_url\":\"" + base + "/kyc-return/walk/failure\"}",
                "{\"liveness_config\":{\"challenge\":\"blink\",\"max_attempts\":1}}", LD, DR, F2F);
        var http = new Http(port);
        var session = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        try (var phone = new Chromium(Chromium.Size.PHONE, Chromium.Camera.FAKE, video, "production-walk")) {
            phone.open(base + "/flow/" + session);
            phone.waitFor("s-intro");
            phone.screenshot("intro");
            assertThat(phone.driver().findElements(By.cssSelector(".sandbox"))).as("no TEST MODE banner").isEmpty();
            phone.click("s-intro", "agree");
            phone.waitFor("step-0-prep");
            phone.screenshot("liveness-prep");
            phone.click("step-0-prep", "ld-primer");
            phone.click("step-0-primer", "ld-camera");
            HostedFlowBrowserTests.waitCameraLive(phone, "step-0-capture", "ld-start");
            phone.screenshot("liveness-camera");
            phone.click("step-0-capture", "ld-start");

            // capture ~4 s and the real check on a loaded machine: a generous bound, nothing is timed here
            phone.waitFor("step-1-prep", Duration.ofSeconds(90));
            phone.driver().findElement(By.cssSelector("#step-1-prep input[value='passport']")).click();
            phone.screenshot("document-prep");
            phone.click("step-1-prep", "dr-upload");
            phone.waitFor("step-1-upload");
            phone.screenshot("document-upload");
            phone.driver().findElement(By.id("step-1-file")).sendKeys(passport.toAbsolutePath().toString());
            phone.waitFor("step-1-send");
            phone.screenshot("document-send");
            phone.click("step-1-send", "dr-send");

            phone.waitFor("step-2-prep", Duration.ofSeconds(90));
            phone.screenshot("face-match");
            new WebDriverWait(phone.driver(), Duration.ofSeconds(90)).until(d -> phone.url().contains("/kyc-return/walk/"));
            phone.screenshot("redirect");
            assertThat(phone.url()).isEqualTo(base + "/kyc-return/walk/success?session_id=" + session);
        }
        var light = http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key",
                flow.apiKey())).json();
        assertThat(light.path("status").asString()).as(light.toString()).isEqualTo("FINISHED");
        assertThat(light.path("overall_result").asBoolean()).isTrue();
        var providers = java.util.Map.of("liveness_result", "kycflow-face", "document_recognition_result", "kycflow-mrz",
                "face2face_result", "kycflow-face");
        providers.forEach((name, provider) -> {
            var block = light.path(name);
            assertThat(block.path("result").asBoolean()).as(name + " " + block).isTrue();
            assertThat(block.path("sandbox").asBoolean(true)).as(name + " sandbox").isFalse();
            assertThat(block.path("provider").asString()).as(name + " provider").isEqualTo(provider);
        });
        assertThat(light.path("document_recognition_result").path("portrait_found").asBoolean()).isTrue();
        // the figure the report quotes: how close the kept selfie and the document's portrait came
        System.out.println("[walk] face2face_result " + light.path("face2face_result"));
        assertThat(light.path("document_recognition_result").path("document").path("number").asString()).isEqualTo("XW4702135");
    }

    /** A TD3 passport photo (JPEG) whose portrait is the face's crop. */
    private static Path passport(FaceEvaluationSet.Face face, Path file) {
        var document = new MrzGenerator.Document(MrzFormat.TD3, "P", "FIN", "XW4702135", "LAHTINEN", "SANNA", "FIN",
                LocalDate.of(1988, 4, 12), Sex.F, LocalDate.now().plusYears(6), "", "");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, DocumentSet.passportOf(face.crop(), document, new Random(18)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
