package io.kycflow.remote.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.remote.web.Chromium.Camera;
import io.kycflow.remote.web.Chromium.Size;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.signature.TestPki;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DSI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PRODUCTION digital-signature step walked in Chromium: the person copies the text the page shows, signs it (here
 * with a certificate of a CA made at test time), chooses the file, and the real engine finishes the session.
 */
@IntegrationTest
class SignatureBrowserTests {

    static TestPki pki;

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;

    @BeforeAll
    static void setUp() throws Exception {
        Chromium.assumeInstalled();
        pki = new TestPki("kycflow browser test root");
    }

    @AfterAll
    static void stop() {
        if (pki != null) {
            pki.close();
        }
    }

    @Test
    void thePersonSignsTheTextThePageShowsAndTheRealEngineFinishesTheSession() throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, DSI);
        var config = JsonMapper.shared().createObjectNode().put("trusted_ca_certificates", pki.caPem())
                .put("ocsp_url", pki.url("/ocsp"));
        var flow = data.flow(org.organization().id(), null, "{\"digital_signature_config\":" + config + "}", DSI);
        var session = new Http(port).postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        var signer = pki.signer("CN=ASEL NURLANOVNA,SERIALNUMBER=IIN900101300001,C=KZ", KeyUsage.digitalSignature);
        var dir = Files.createDirectories(Path.of("target", "browser-media"));

        try (var phone = new Chromium(Size.PHONE, Camera.NONE, null, "digital-signature-production")) {
            phone.open("http://localhost:" + port + "/flow/" + session);
            phone.click("s-intro", "agree");
            phone.check("step-0-prep", "signature");
            phone.click("step-0-prep", "ds-send");
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-prep [data-signature-missing]")).isDisplayed()).isTrue();
            assertThat(phone.axe()).isEmpty();

            var text = phone.driver().findElement(By.id("step-0-challenge")).getAttribute("value");
            var file = dir.resolve("signature-" + session + ".p7s");
            Files.write(file, TestPki.sign(signer, text.getBytes(StandardCharsets.UTF_8), false, Instant.now()));
            phone.driver().findElement(By.id("step-0-signature")).sendKeys(file.toAbsolutePath().toString());
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-prep [data-signature-chosen]")).getText())
                    .startsWith("Chosen: signature-" + session + ".p7s (").endsWith(" KB)");
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-prep [data-signature-missing]")).isDisplayed())
                    .as("the earlier error goes once a file is chosen").isFalse();
            phone.screenshot("signature-chosen");
            phone.click("step-0-prep", "ds-send");
            phone.waitFor("s-finished", Duration.ofSeconds(30));
        }
        var step = sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst();
        assertThat(step.attempts()).as("the click without a file cost nothing").isEqualTo(1);
        assertThat(step.result().path("result").asBoolean()).as(step.result().toString()).isTrue();
        assertThat(step.result().path("provider").asString()).isEqualTo("kycflow-cms");
        assertThat(step.result().path("signer").path("iin").asString()).isEqualTo("900101300001");
    }
}
