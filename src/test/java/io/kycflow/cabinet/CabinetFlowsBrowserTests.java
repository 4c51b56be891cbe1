package io.kycflow.cabinet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.Chromium;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.signature.TestPki;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner builds flows in Debian's Chromium through the Cabinet's forms: LD → DR → F2F with a changed threshold (after
 * a refused value, shown beside its field), and a DSI flow with a trusted CA's PEM and a signer rule. The flow list,
 * form, detail and technologies pages are photographed at desktop and phone width (target/screenshots/cabinet-flows/)
 * and checked by axe-core.
 */
@IntegrationTest
class CabinetFlowsBrowserTests {

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
    void anOwnerCreatesAnLdDrF2fFlowAndADsiFlowThroughTheForms() throws Exception {
        Chromium.assumeInstalled();
        var data = new TestData(organizations, flows, catalog);
        var orgId = data.org().organization().id();
        var email = "flows-" + TestData.unique() + "@example.com";
        var invitation = new Http(port).admin("POST", "/api/v1/admin/organizations/" + orgId + "/owner-invitations",
                "{\"email\":\"" + email + "\"}").json().path("invitation_url").asString();
        String pem;
        try (var pki = new TestPki("browser test root")) {
            pem = pki.caPem();
        }
        var violations = new ArrayList<String>();
        for (var size : List.of(Chromium.Size.DESKTOP, Chromium.Size.PHONE)) {
            try (var browser = new Chromium(size, Chromium.Camera.NONE, null, "cabinet-flows")) {
                var driver = browser.driver();
                if (size == Chromium.Size.DESKTOP) {
                    browser.open("http://localhost:" + port + java.net.URI.create(invitation).getRawPath());
                    driver.findElement(By.id("password")).sendKeys(PASSWORD);
                    driver.findElement(By.id("confirmation")).sendKeys(PASSWORD);
                    driver.findElement(By.cssSelector("main button[type=submit]")).click();
                    waitFor(driver).until(ExpectedConditions.urlMatches("/cabinet/$"));
                } else {
                    browser.open("http://localhost:" + port + "/cabinet/login");
                    driver.findElement(By.id("username")).sendKeys(email);
                    driver.findElement(By.id("password")).sendKeys(PASSWORD);
                    driver.findElement(By.cssSelector("main button[type=submit]")).click();
                    waitFor(driver).until(ExpectedConditions.urlMatches("/cabinet/$"));
                }
                driver.findElement(By.linkText("Flows")).click();
                waitFor(driver).until(ExpectedConditions.titleContains("Flows"));
                check(browser, "flows", violations);
                browser.open("http://localhost:" + port + "/cabinet/flows/new");
                check(browser, "new", violations);
                if (size == Chromium.Size.DESKTOP) {
                    createLdDrF2f(browser, violations);
                    createDsi(browser, pem);
                    check(browser, "dsi-detail", violations);
                    browser.open("http://localhost:" + port + "/cabinet/flows/new?lang=ru");
                    driver.findElement(By.id("tech-LD")).click(); // its settings show once ticked
                    assertThat(driver.findElement(By.cssSelector("label[for=liveness_config-max_attempts]")).getText()).isEqualTo("Попытки селфи");
                    assertThat(driver.findElement(By.id("digital_signature_config")).isDisplayed()).isFalse();
                    check(browser, "new-ru", violations);
                }
                browser.open("http://localhost:" + port + "/cabinet/flows");
                assertThat(driver.getPageSource()).contains("kyc-browser", "LD → DR → F2F", "kyc-signature");
                check(browser, "flows-two", violations);
                driver.findElement(By.linkText("kyc-browser")).click();
                waitFor(driver).until(ExpectedConditions.titleContains("kyc-browser"));
                check(browser, "detail", violations);
                browser.open("http://localhost:" + port + "/cabinet/technologies?lang=kk");
                check(browser, "technologies-kk", violations);
                browser.open("http://localhost:" + port + "/cabinet/technologies");
                assertThat(driver.getPageSource()).contains("signer_mismatch", "MCP refuses them");
                check(browser, "technologies", violations);
            }
        }
        var created = flows.list(orgId, 10, 0).results();
        assertThat(created).hasSize(2);
        var ld = created.stream().filter(f -> f.name().equals("kyc-browser")).findFirst().orElseThrow();
        assertThat(ld.technologyIds()).containsExactlyElementsOf(data.ids(TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F));
        assertThat(ld.technologyConfigs().path("liveness_config").path("threshold").doubleValue()).isEqualTo(0.9);
        var dsi = created.stream().filter(f -> f.name().equals("kyc-signature")).findFirst().orElseThrow();
        assertThat(dsi.technologyIds()).containsExactlyElementsOf(data.ids(TechnologyCode.DSI));
        var config = dsi.technologyConfigs().path("digital_signature_config");
        assertThat(config.path("trusted_ca_certificates").asString()).isEqualTo(pem.strip());
        assertThat(config.path("signer_identity").asString()).isEqualTo("SESSION_IIN");
        assertThat(violations).as("axe-core serious/critical violations").isEmpty();
    }

    private void createLdDrF2f(Chromium browser, List<String> violations) {
        var driver = browser.driver();
        driver.findElement(By.id("name")).sendKeys("kyc-browser");
        tick(driver, "LD", "1");
        tick(driver, "DR", "2");
        tick(driver, "F2F", "3");
        var threshold = driver.findElement(By.id("liveness_config-threshold"));
        threshold.clear();
        threshold.sendKeys("2");
        submit(driver);
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(driver.findElement(By.id("liveness_config-threshold-problem")).getText())
                .contains("liveness_config.threshold must be between 0.5 and 0.99");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("kyc-browser");
        check(browser, "new-refused", violations);
        threshold = driver.findElement(By.id("liveness_config-threshold"));
        threshold.clear();
        threshold.sendKeys("0.9");
        submit(driver);
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Flow kyc-browser");
    }

    private void createDsi(Chromium browser, String pem) {
        var driver = browser.driver();
        browser.open("http://localhost:" + port + "/cabinet/flows/new");
        driver.findElement(By.id("name")).sendKeys("kyc-signature");
        tick(driver, "DSI", "1");
        driver.findElement(By.id("digital_signature_config-trusted_ca_certificates")).sendKeys(pem);
        new Select(driver.findElement(By.id("digital_signature_config-signer_identity"))).selectByValue("SESSION_IIN");
        submit(driver);
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.getPageSource()).contains("BEGIN CERTIFICATE", "&lt;12-digit IIN&gt;");
    }

    private static void tick(WebDriver driver, String code, String step) {
        driver.findElement(By.id("tech-" + code)).click();
        var order = driver.findElement(By.id("order-" + code));
        order.clear();
        order.sendKeys(step);
    }

    private static void submit(WebDriver driver) {
        var button = driver.findElement(By.cssSelector("form.flow-form button[type=submit]"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static void check(Chromium browser, String name, List<String> violations) {
        browser.screenshot(name);
        browser.axe().forEach(v -> violations.add(name + " (" + browser.url() + "): " + v));
    }
}
