package io.kycflow.remote.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.Chromium.Camera;
import io.kycflow.remote.web.Chromium.Size;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flow Widget on an integrator's page of another origin ({@link ShopPage}, {@code 127.0.0.1} against kycflow's
 * {@code localhost}): the session walked inside the iframe, the events received in order through the callbacks and
 * {@code CustomEvent('finish')}, a forged message ignored, a page of an origin the flow does not list refused by CSP
 * {@code frame-ancestors}, and a decline recorded by the server. Screenshots of the host page and axe-core on it and
 * inside the frame, at phone and desktop sizes.
 */
@IntegrationTest
class WidgetBrowserTests {

    static Path video;
    static Path front;
    static Path back;

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;

    Http http;
    TestData data;
    ShopPage shop;

    @BeforeAll
    static void media() {
        Chromium.assumeInstalled();
        var dir = Path.of("target", "browser-media");
        video = TestMedia.fakeCameraVideo(dir.resolve("face.y4m"));
        front = TestMedia.documentPhoto(dir.resolve("front.jpg"), false, 2);
        back = TestMedia.documentPhoto(dir.resolve("back.jpg"), false, 3);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
        shop = new ShopPage(port);
    }

    @AfterEach
    void tearDown() {
        shop.close();
    }

    @Test
    void theWidgetWalksTheSessionOnAnotherOriginAndReportsEachEventInOrder() {
        var flow = widgetFlow(shop.origin(), LD, DR, F2F);
        var session = session(flow);
        try (var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "widget-walk")) {
            phone.open(shop.url(session, "en"));
            enterFrame(phone);
            check(phone, "s-intro", "widget-intro");
            phone.click("s-intro", "agree");
            phone.click("step-0-prep", "ld-primer");
            phone.click("step-0-primer", "ld-camera");
            HostedFlowBrowserTests.waitCameraLive(phone, "step-0-capture", "ld-start");
            check(phone, "step-0-capture", "widget-liveness-camera");
            assertFrameFitsThePage(phone);
            phone.click("step-0-capture", "ld-start");

            phone.waitFor("step-1-prep", Duration.ofSeconds(40));
            check(phone, "step-1-prep", "widget-document-prep");
            phone.click("step-1-prep", "dr-upload");
            phone.driver().findElement(By.id("step-1-file")).sendKeys(front.toAbsolutePath().toString());
            phone.click("step-1-turn", "dr-back-side");
            phone.waitFor("step-1-upload");
            phone.driver().findElement(By.id("step-1-file")).sendKeys(back.toAbsolutePath().toString());
            phone.click("step-1-send", "dr-send");

            phone.click("step-2-prep", "f2f-run");
            phone.waitFor("s-finished", Duration.ofSeconds(30));
            check(phone, "s-finished", "widget-finished");
            assertThat(phone.js("return location.href;")).as("no redirect inside the frame").asString().contains("/flow/" + session);
            assertThat(phone.waitFor("s-finished").findElement(By.cssSelector("[data-return]")).isDisplayed()).isFalse();
            assertThat(phone.waitFor("s-finished").getText()).contains("Thank you, you’re done").doesNotContain("close this page");

            phone.driver().switchTo().defaultContent();
            var events = waitEvents(phone, 6);
            var id = "\"session_id\":\"" + session + "\"";
            var prefix = "{\"source\":\"kycflow\",";
            assertThat(events).containsExactly(
                    "onStarted " + prefix + "\"event\":\"started\"," + id + ",\"status\":\"CREATED\"}",
                    "onStepCompleted " + prefix + "\"event\":\"step_completed\"," + id + ",\"technology\":\"LD\",\"step\":1,\"steps\":3,\"status\":\"PASSED\"}",
                    "onStepCompleted " + prefix + "\"event\":\"step_completed\"," + id + ",\"technology\":\"DR\",\"step\":2,\"steps\":3,\"status\":\"PASSED\"}",
                    "onStepCompleted " + prefix + "\"event\":\"step_completed\"," + id + ",\"technology\":\"F2F\",\"step\":3,\"steps\":3,\"status\":\"PASSED\"}",
                    "onFinished " + prefix + "\"event\":\"finished\"," + id + ",\"status\":\"FINISHED\"}",
                    "finish " + prefix + "\"event\":\"finished\"," + id + ",\"status\":\"FINISHED\"}");
            assertThat(phone.url()).isEqualTo(shop.url(session, "en"));
        }
        var light = light(flow, session);
        assertThat(light.path("status").asString()).as("the events said what the server stored").isEqualTo("FINISHED");
        assertThat(light.path("overall_result").asBoolean()).isTrue();
    }

    @Test
    void aFailedLastAttemptInTheWidgetIsReportedAsFailedAndFinish() {
        var flow = data.flow(data.org().organization().id(), "{\"widget_allowed_origins\":[\"" + shop.origin() + "\"]}",
                "{\"liveness_config\":{\"max_attempts\":1}}", LD, DR);
        var session = session(flow);
        try (var desktop = new Chromium(Size.DESKTOP, Camera.FAKE, video, "widget-failed")) {
            desktop.open(shop.url(session, "kz"));
            enterFrame(desktop);
            check(desktop, "s-intro", "widget-intro-kz");
            desktop.click("s-intro", "agree");
            desktop.click("step-0-prep", "ld-primer");
            desktop.click("step-0-primer", "ld-camera");
            HostedFlowBrowserTests.waitCameraLive(desktop, "step-0-capture", "ld-start");
            check(desktop, "step-0-capture", "widget-liveness-camera-kz");
            new Select(desktop.driver().findElement(By.id("step-0-outcome"))).selectByValue("eye_closed");
            desktop.click("step-0-capture", "ld-start");
            desktop.waitFor("s-failed", Duration.ofSeconds(40));
            check(desktop, "s-failed", "widget-failed-kz");
            desktop.driver().switchTo().defaultContent();
            var id = "\"session_id\":\"" + session + "\"";
            var failed = "{\"source\":\"kycflow\",\"event\":\"failed\"," + id + ",\"status\":\"FAILED\"}";
            assertThat(waitEvents(desktop, 4)).containsExactly(
                    "onStarted {\"source\":\"kycflow\",\"event\":\"started\"," + id + ",\"status\":\"CREATED\"}",
                    "onStepCompleted {\"source\":\"kycflow\",\"event\":\"step_completed\"," + id
                            + ",\"technology\":\"LD\",\"step\":1,\"steps\":2,\"status\":\"FAILED\"}",
                    "onFailed " + failed,
                    "finish " + failed);
            assertThat(desktop.url()).as("the host page stays; no failure redirect").isEqualTo(shop.url(session, "kz"));
        }
        var light = light(flow, session);
        assertThat(light.path("status").asString()).isEqualTo("FAILED");
        assertThat(light.path("failure_reasons").get(0).path("type").asString()).isEqualTo("eye_closed");
    }

    @Test
    void aPageOfAnOriginTheFlowDoesNotListCannotFrameIt() {
        var flow = widgetFlow("https://shop.example", LD);
        var session = session(flow);
        var page = http.get("/flow/" + session + "?widget=true&origin=" + shop.origin());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors https://shop.example");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.body()).contains("\"widget_origin\":null");
        try (var desktop = new Chromium(Size.DESKTOP, Camera.NONE, null, "widget-refused")) {
            desktop.open(shop.url(session, "en"));
            var frame = desktop.driver().findElement(By.cssSelector("#kyc iframe"));
            assertThat(frame.getAttribute("allow")).isEqualTo("camera");
            new WebDriverWait(desktop.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(desktop.js(
                    "return performance.getEntriesByType('resource').some(function (r) { return r.name.indexOf('/flow/') > 0; });")));
            desktop.driver().switchTo().frame(frame);
            var inside = String.valueOf(desktop.js("return location.href + ' ' + !!document.getElementById('s-intro');"));
            assertThat(inside).as("the frame holds no flow page").endsWith(" false").doesNotStartWith("http://localhost");
            desktop.driver().switchTo().defaultContent();
            desktop.screenshot("widget-refused-origin");
            assertThat(events(desktop)).as("no event, and the forged one ignored").isEmpty();
        }
        assertThat(light(flow, session).path("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void aDeclineInTheWidgetIsRecordedAndReportedAsClosed() {
        var flow = widgetFlow(shop.origin(), LD, DR, F2F);
        var session = session(flow);
        try (var desktop = new Chromium(Size.DESKTOP, Camera.NONE, null, "widget-decline")) {
            desktop.open(shop.url(session, "ru"));
            enterFrame(desktop);
            check(desktop, "s-intro", "widget-intro-ru");
            assertThat(desktop.js("return document.documentElement.lang")).isEqualTo("ru");
            desktop.click("s-intro", "decline");
            check(desktop, "s-decline", "widget-decline");
            desktop.click("s-decline", "decline-confirm");
            check(desktop, "s-declined", "widget-declined");
            desktop.driver().switchTo().defaultContent();
            var events = waitEvents(desktop, 1);
            assertThat(events).containsExactly("onClosed {\"source\":\"kycflow\",\"event\":\"closed\",\"session_id\":\"" + session
                    + "\",\"reason\":\"declined\",\"status\":\"FAILED\"}");
        }
        var light = light(flow, session);
        assertThat(light.path("status").asString()).isEqualTo("FAILED");
        assertThat(light.path("overall_result").asBoolean(true)).isFalse();
        assertThat(light.path("failure_reasons").get(0).path("type").asString()).isEqualTo("user_declined");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    IssuedFlow widgetFlow(String origin, io.kycflow.technology.TechnologyCode... codes) {
        return data.flow(data.org().organization().id(), "{\"widget_allowed_origins\":[\"" + origin + "\"],"
                + "\"success_redirect_url\":\"" + shop.origin() + "/done\",\"failure_redirect_url\":\"" + shop.origin() + "/failed\"}",
                null, codes);
    }

    static void enterFrame(Chromium browser) {
        var frame = browser.driver().findElement(By.cssSelector("#kyc iframe"));
        assertThat(frame.getAttribute("allow")).isEqualTo("camera");
        browser.driver().switchTo().frame(frame);
    }

    /** The host page (screenshot, axe without the frame) and the screen inside the frame (focus, axe), then back in the frame. */
    static void check(Chromium browser, String screen, String name) {
        browser.waitFor(screen);
        browser.assertFocusOnHeading(screen);
        assertThat(browser.axe()).as("axe-core inside the widget on %s (%s)", screen, browser.size.name()).isEmpty();
        browser.driver().switchTo().defaultContent();
        browser.screenshot(name);
        assertThat(browser.axe(false)).as("axe-core on the host page with %s (%s)", screen, browser.size.name()).isEmpty();
        enterFrame(browser);
    }

    /** The frame has taken the height of the page inside it (reported by the page), so the host page scrolls, not a box. */
    static void assertFrameFitsThePage(Chromium browser) {
        var inside = ((Number) browser.js("return document.body.scrollHeight;")).intValue();
        browser.driver().switchTo().defaultContent();
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Math.abs(((Number) browser.js(
                    "return document.querySelector('#kyc iframe').getBoundingClientRect().height;")).intValue() - inside) <= 2);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("frame height " + browser.js("return document.querySelector('#kyc iframe').style.height;")
                    + ", page inside " + inside, e);
        }
        assertThat(inside).as("a camera screen is taller than the frame's first 640 px").isGreaterThan(640);
        enterFrame(browser);
    }

    @SuppressWarnings("unchecked")
    static List<String> events(Chromium browser) {
        return new ArrayList<>((List<String>) browser.js("return window.__events;"));
    }

    static List<String> waitEvents(Chromium browser, int count) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> events(browser).size() >= count);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("events so far: " + events(browser) + "; log: " + browser.consoleLog(), e);
        }
        return events(browser);
    }

    String session(IssuedFlow flow) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    JsonNode light(IssuedFlow flow, String session) {
        return http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key", flow.apiKey())).json();
    }
}
