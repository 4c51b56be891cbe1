package io.kycflow.remote.web;

import java.time.Duration;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.Chromium.Camera;
import io.kycflow.remote.web.Chromium.Size;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kycflow.technology.TechnologyCode.ED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-document screen in Chromium: the person's IIN is checked on the page (a typo costs no attempt, the error is
 * announced and passes axe), then sent with the step, and the sandbox answers for that test identity.
 */
@IntegrationTest
class EDocumentBrowserTests {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired SessionService sessions;

    @BeforeAll
    static void chromium() {
        Chromium.assumeInstalled();
    }

    @Test
    void theIinTypedOnThePageSelectsTheSandboxIdentityAndATypoCostsNoAttempt() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), ED);
        var session = new Http(port).postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}")
                .json().path("session_id").asString();
        try (var phone = new Chromium(Size.PHONE, Camera.NONE, null, "edocument-iin")) {
            phone.open("http://localhost:" + port + "/flow/" + session);
            phone.click("s-intro", "agree");
            phone.check("step-0-prep", "edocument-iin");
            var iin = phone.driver().findElement(By.id("step-0-iin"));
            assertThat(phone.driver().findElement(By.cssSelector("label[for='step-0-iin']")).getText()).isEqualTo("Your IIN");

            iin.sendKeys("85061540");
            phone.click("step-0-prep", "ed-share");
            var error = phone.driver().findElement(By.cssSelector("#step-0-prep [data-iin-error]"));
            assertThat(error.isDisplayed()).isTrue();
            assertThat(error.getText()).isEqualTo("Enter the 12 digits of your IIN.");
            assertThat(iin.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(phone.shown()).isEqualTo("step-0-prep");
            phone.screenshot("edocument-iin-invalid");
            assertThat(phone.axe()).isEmpty();
            assertThat(sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst().attempts()).isZero();

            iin.sendKeys("0002");
            phone.click("step-0-prep", "ed-share");
            phone.waitFor("s-finished", Duration.ofSeconds(20));
        }
        var step = sessions.get(org.organization().id(), UUID.fromString(session)).steps().getFirst();
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.result().path("person").path("given_names").asString()).isEqualTo("AIGERIM");
        assertThat(step.result().path("sandbox").asBoolean()).isTrue();
    }
}
