package io.kycflow.cabinet;

import java.util.ArrayList;
import java.util.List;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.Chromium;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.SandboxVerifier;
import org.junit.jupiter.api.Test;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's day in Debian's Chromium: an owner sets a password from the admin API's invitation, signs out and in
 * through the form, opens the overview, the sessions, a finished session (with its media) and approves it. Every
 * page is photographed at desktop and phone width (target/screenshots/cabinet/) and checked by axe-core.
 */
@IntegrationTest
class CabinetBrowserTests {

    static final String PASSWORD = "a long browser password";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    SessionService sessions;
    @Autowired
    SandboxVerifier sandbox;

    @Test
    void anOwnerSignsInReviewsASessionAndApprovesIt() {
        Chromium.assumeInstalled();
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var orgId = org.organization().id();
        var flow = data.flow(orgId, TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F);
        var session = sandbox.complete(sessions.create(flow.flow(), TestData.json("{\"user_id\":\"customer-42\"}")), true);
        sandbox.complete(sessions.create(flow.flow(), null), false);
        var email = "browser-" + TestData.unique() + "@example.com";
        var invitation = new Http(port).admin("POST", "/api/v1/admin/organizations/" + orgId + "/owner-invitations",
                "{\"email\":\"" + email + "\"}").json().path("invitation_url").asString();
        var link = "http://localhost:" + port + java.net.URI.create(invitation).getRawPath();
        var violations = new ArrayList<String>();
        for (var size : List.of(Chromium.Size.DESKTOP, Chromium.Size.PHONE)) {
            try (var browser = new Chromium(size, Chromium.Camera.NONE, null, "cabinet")) {
                var driver = browser.driver();
                if (size == Chromium.Size.DESKTOP) {
                    browser.open(link);
                    check(browser, "invitation", violations);
                    driver.findElement(By.id("password")).sendKeys(PASSWORD);
                    driver.findElement(By.id("confirmation")).sendKeys(PASSWORD);
                    driver.findElement(By.cssSelector("main button[type=submit]")).click();
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/cabinet/$"));
                    driver.findElement(By.xpath("//button[text()='Sign out']")).click();
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/cabinet/login?logout"));
                }
                browser.open("http://localhost:" + port + "/cabinet/sessions");
                assertThat(browser.url()).endsWith("/cabinet/login");
                check(browser, "login", violations);
                driver.findElement(By.id("username")).sendKeys(email);
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.cssSelector("main button[type=submit]")).click();
                // back to the page asked for before signing in
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/cabinet/sessions"));
                browser.open("http://localhost:" + port + "/cabinet/");
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
                check(browser, "overview", violations);
                driver.findElement(By.linkText("Sessions")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.titleContains("Sessions"));
                assertThat(driver.getPageSource()).contains(session.id().toString());
                check(browser, "sessions", violations);
                // the metadata filter is posted: the address shows an opaque id, never the user id
                driver.findElement(By.id("metadata")).sendKeys("customer-42");
                driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("filter="));
                assertThat(browser.url()).doesNotContain("customer");
                assertThat(driver.getPageSource()).contains(session.id().toString());
                check(browser, "sessions-filtered", violations);
                driver.findElement(By.linkText(session.id().toString())).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(session.id().toString()));
                assertThat(driver.findElement(By.tagName("h1")).getText()).contains(session.id().toString());
                assertThat(driver.findElements(By.cssSelector(".thumbs img"))).as("media load only when asked for").isEmpty();
                driver.findElement(By.partialLinkText("Show media")).click();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("media=shown"));
                var images = driver.findElements(By.cssSelector(".thumbs img"));
                assertThat(images).as("media thumbnails").isNotEmpty();
                assertThat(browser.js("return Array.prototype.every.call(document.querySelectorAll('.thumbs img'), "
                        + "function (i) { return i.complete && i.naturalWidth > 0; });")).as("thumbnails loaded").isEqualTo(true);
                check(browser, "session", violations);
                if (size == Chromium.Size.DESKTOP) {
                    driver.findElement(By.id("reason")).sendKeys("Documents and face match.");
                    driver.findElement(By.cssSelector("button[value=approve]")).click();
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
                    assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Approved.");
                    check(browser, "approved", violations);
                    assertThat(sessions.get(orgId, session.id()).status()).isEqualTo(SessionStatus.APPROVED);
                }
                browser.open("http://localhost:" + port + "/cabinet/api-key");
                check(browser, "api-key", violations);
                browser.open("http://localhost:" + port + "/cabinet/members");
                check(browser, "members", violations);
                browser.open("http://localhost:" + port + "/cabinet/audit");
                assertThat(driver.getPageSource()).contains("sign_in", "decision", "media_view");
                check(browser, "audit", violations);
            }
        }
        assertThat(violations).as("axe-core serious/critical violations").isEmpty();
    }

    private static void check(Chromium browser, String name, List<String> violations) {
        browser.screenshot(name);
        browser.axe().forEach(v -> violations.add(name + " (" + browser.url() + "): " + v));
    }

}
