package io.kycflow.cabinet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.IntegrationTest;
import io.kycflow.cabinet.internal.TotpCodes;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.Chromium;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in in Debian's Chromium, at desktop and phone width: a new owner sets a password, enrols an
 * authenticator (the test computes the code from the key the page shows, as an app would from the QR code), keeps
 * the recovery codes, signs out, signs in with password and code, and opens the members page. Screenshots under
 * target/screenshots/cabinet-two-factor/; axe-core on every page.
 */
@IntegrationTest
class CabinetTwoFactorBrowserTests {

    static final String PASSWORD = "a long browser password";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;

    @Test
    void anOwnerEnrolsAnAuthenticatorAndSignsInWithACode() {
        Chromium.assumeInstalled();
        var data = new TestData(organizations, flows, catalog);
        var violations = new ArrayList<String>();
        for (var size : List.of(Chromium.Size.DESKTOP, Chromium.Size.PHONE)) {
            var orgId = data.org().organization().id();
            var email = "tf-" + size.name() + "-" + TestData.unique() + "@example.com";
            var invitation = new Http(port).admin("POST", "/api/v1/admin/organizations/" + orgId + "/owner-invitations",
                    "{\"email\":\"" + email + "\"}").json().path("invitation_url").asString();
            try (var browser = new Chromium(size, Chromium.Camera.NONE, null, "cabinet-two-factor")) {
                var driver = browser.driver();
                var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                browser.open("http://localhost:" + port + java.net.URI.create(invitation).getRawPath());
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.id("confirmation")).sendKeys(PASSWORD);
                driver.findElement(By.cssSelector("main button[type=submit]")).click();
                wait.until(ExpectedConditions.urlMatches("/cabinet/$"));

                driver.findElement(By.linkText("Two-factor sign-in")).click();
                wait.until(ExpectedConditions.urlContains("/cabinet/account/two-factor"));
                var qr = driver.findElement(By.cssSelector(".qr svg"));
                assertThat(qr.isDisplayed()).isTrue();
                assertThat(qr.getSize().getWidth()).as("QR code width").isGreaterThanOrEqualTo(150);
                check(browser, "enrolment", violations);
                var key = driver.findElement(By.id("secret")).getText().replace(" ", "");
                driver.findElement(By.id("code")).sendKeys(TotpCodes.code(key, 0));
                driver.findElement(By.cssSelector("main button[type=submit]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".codes")));
                assertThat(driver.findElements(By.cssSelector(".codes li"))).hasSize(10);
                check(browser, "recovery-codes", violations);

                driver.findElement(By.xpath("//button[text()='Sign out']")).click();
                wait.until(ExpectedConditions.urlContains("/cabinet/login?logout"));
                driver.findElement(By.id("username")).sendKeys(email);
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.cssSelector("main button[type=submit]")).click();
                wait.until(ExpectedConditions.urlContains("/cabinet/login/two-factor"));
                assertThat(driver.findElements(By.cssSelector("nav[aria-label=Cabinet]"))).as("no navigation yet").isEmpty();
                check(browser, "second-step", violations);
                driver.findElement(By.id("code")).sendKeys(TotpCodes.code(key, 1));
                driver.findElement(By.cssSelector("main button[type=submit]")).click();
                wait.until(ExpectedConditions.urlMatches("/cabinet/$"));
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");

                driver.findElement(By.linkText("Members")).click();
                wait.until(ExpectedConditions.titleContains("Members"));
                assertThat(driver.getPageSource()).contains(email, "Require two-factor for every member");
                check(browser, "members", violations);
                driver.findElement(By.linkText("Two-factor sign-in")).click();
                wait.until(ExpectedConditions.urlContains("/cabinet/account/two-factor"));
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("Two-factor sign-in is on", "10 of 10");
                check(browser, "two-factor-on", violations);
            }
        }
        assertThat(violations).as("axe-core serious/critical violations").isEmpty();
    }

    private static void check(Chromium browser, String name, List<String> violations) {
        browser.screenshot(name);
        browser.axe().forEach(v -> violations.add(name + " (" + browser.url() + "): " + v));
    }
}
