package io.kycflow.remote.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.remote.web.Chromium.Camera;
import io.kycflow.remote.web.Chromium.Size;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted page walked in Debian's Chromium (headless, system chromedriver) against the real server on a random
 * port: a fake camera playing a generated video, documents uploaded as generated JPEGs, axe-core on every screen
 * (0 serious or critical violations), focus on each screen's heading, and a full-page screenshot of every screen
 * under target/screenshots/. What the page ends on is then checked against the REST light result.
 */
@IntegrationTest
class HostedFlowBrowserTests {

    static Path video;
    static Path darkDocument;
    static Path front;
    static Path back;

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired JdbcClient jdbc;

    Http http;
    TestData data;

    @BeforeAll
    static void media() {
        Chromium.assumeInstalled();
        var dir = Path.of("target", "browser-media");
        video = TestMedia.fakeCameraVideo(dir.resolve("face.y4m"));
        darkDocument = TestMedia.documentPhoto(dir.resolve("dark.jpg"), true, 1);
        front = TestMedia.documentPhoto(dir.resolve("front.jpg"), false, 2);
        back = TestMedia.documentPhoto(dir.resolve("back.jpg"), false, 3);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
    }

    @Test
    void aTestOrganizationsSessionIsWalkedFromConsentToTheSuccessRedirect() {
        var flow = data.flow(data.org().organization().id(), redirects("walk"), null, LD, DR, F2F);
        var session = session(flow);
        try (var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "walk-to-success")) {
            phone.open(base() + "/flow/" + session);
            phone.check("s-intro", "intro");
            assertThat(phone.waitFor("s-intro").getText()).contains("A short selfie video", "A photo of your ID document", "Agree and continue");
            assertThat(phone.driver().findElement(By.cssSelector(".sandbox")).getText()).contains("TEST MODE");
            assertFirstScreenBudget(phone);

            phone.click("s-intro", "agree");
            phone.check("step-0-prep", "liveness-prep");
            assertThat(phone.waitFor("step-0-prep").getText()).contains("Step 1 of 3");
            phone.click("step-0-prep", "ld-primer");
            phone.check("step-0-primer", "camera-primer");
            phone.click("step-0-primer", "ld-camera");
            waitCameraLive(phone, "step-0-capture", "ld-start");
            phone.check("step-0-capture", "liveness-camera");
            assertThat(new Select(phone.driver().findElement(By.id("step-0-outcome"))).getOptions())
                    .extracting(o -> o.getAttribute("value")).containsExactlyElementsOf(outcomes(LD));
            phone.click("step-0-capture", "ld-start");

            phone.waitFor("step-1-prep", Duration.ofSeconds(40));
            phone.check("step-1-prep", "document-prep");
            assertThat(phone.waitFor("step-1-prep").getText()).contains("Step 2 of 3");
            phone.click("step-1-prep", "dr-upload");
            phone.check("step-1-upload", "document-upload-front");
            phone.driver().findElement(By.id("step-1-file")).sendKeys(darkDocument.toAbsolutePath().toString());
            waitVisible(phone, "#step-1-upload [data-flagged]");
            assertThat(phone.driver().findElement(By.cssSelector("#step-1-upload [data-flag-text]")).getText()).isEqualTo("This photo looks too dark.");
            phone.screenshot("document-upload-flagged-dark");
            assertThat(phone.axe()).isEmpty();
            phone.click("step-1-upload", "dr-retake");
            phone.driver().findElement(By.id("step-1-file")).sendKeys(front.toAbsolutePath().toString());
            phone.check("step-1-turn", "document-turn-over");
            phone.click("step-1-turn", "dr-back-side");
            phone.waitFor("step-1-upload");
            assertThat(phone.driver().findElement(By.cssSelector("#step-1-upload [data-side-title]")).getText()).isEqualTo("Back of your document");
            phone.driver().findElement(By.id("step-1-file")).sendKeys(back.toAbsolutePath().toString());
            phone.check("step-1-send", "document-send");
            phone.click("step-1-send", "dr-send");

            phone.check("step-2-prep", "face-match");
            phone.click("step-2-prep", "f2f-run");
            phone.check("s-finished", "finished");
            assertThat(phone.waitFor("s-finished").getText()).contains("Thank you, you’re done", "Return to the website");
            waitForUrl(phone, "/kyc-return/walk/success");
            assertThat(phone.url()).isEqualTo(base() + "/kyc-return/walk/success?from=kycflow&session_id=" + session);

            var light = light(flow, session);
            assertThat(light.path("status").asString()).isEqualTo("FINISHED");
            assertThat(light.path("overall_result").asBoolean()).isTrue();
            assertThat(light.path("liveness_result").path("media").size()).as("the burst's frames and the kept selfie").isEqualTo(9);
            assertThat(CapturesKinds.of(light.path("document_recognition_result"))).containsExactly("document_front", "document_back", "document_portrait");

            phone.open(base() + "/flow/" + session);
            phone.check("s-done-before", "already-finished");
        }
    }

    @Test
    void aFailingLivenessEndsAtTheFailureRedirectAfterItsLastTry() {
        var flow = data.flow(data.org().organization().id(), redirects("fail"), "{\"liveness_config\":{\"max_attempts\":2}}", LD, DR, F2F);
        var session = session(flow);
        try (var desktop = new Chromium(Size.DESKTOP, Camera.FAKE, video, "walk-to-failure")) {
            desktop.open(base() + "/flow/" + session);
            desktop.check("s-intro", "intro");
            desktop.click("s-intro", "agree");
            desktop.click("step-0-prep", "ld-primer");
            desktop.click("step-0-primer", "ld-camera");
            waitCameraLive(desktop, "step-0-capture", "ld-start");
            new Select(desktop.driver().findElement(By.id("step-0-outcome"))).selectByValue("eye_closed");
            desktop.click("step-0-capture", "ld-start");

            desktop.waitFor("s-retry", Duration.ofSeconds(40));
            desktop.check("s-retry", "retry");
            assertThat(desktop.driver().findElement(By.id("kf-attempts")).getText()).isEqualTo("Tries left: 1");
            desktop.click("s-retry", "retry");
            waitCameraLive(desktop, "step-0-capture", "ld-start");
            new Select(desktop.driver().findElement(By.id("step-0-outcome"))).selectByValue("eye_closed");
            desktop.click("step-0-capture", "ld-start");

            desktop.waitFor("s-failed", Duration.ofSeconds(40));
            desktop.check("s-failed", "failed");
            waitForUrl(desktop, "/kyc-return/fail/failure");
            assertThat(desktop.url()).endsWith("session_id=" + session);
        }
        var light = light(flow, session);
        assertThat(light.path("status").asString()).isEqualTo("FAILED");
        assertThat(light.path("failure_reasons").get(0).path("type").asString()).isEqualTo("eye_closed");
    }

    @Test
    void aDocumentIsPhotographedWithTheCameraInsideItsFrame() {
        var flow = data.flow(data.org().organization().id(), DR);
        var session = session(flow);
        try (var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "document-camera")) {
            phone.open(base() + "/flow/" + session);
            phone.click("s-intro", "agree");
            phone.waitFor("step-0-prep");
            phone.driver().findElement(By.cssSelector("#step-0-prep input[value='passport']")).click();
            phone.click("step-0-prep", "dr-camera");
            waitCameraLive(phone, "step-0-capture", "dr-shutter");
            new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(d -> phone.driver()
                    .findElement(By.cssSelector("#step-0-capture [data-instruction]")).getText().equals("Looks good. Take the photo."));
            phone.check("step-0-capture", "document-camera");
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-capture [data-side-title]")).getText()).isEqualTo("Photo page of your passport");
            assertThat(phone.driver().findElement(By.cssSelector("#step-0-capture .frame")).getAttribute("class")).contains("passport");
            phone.click("step-0-capture", "dr-shutter");
            phone.check("step-0-send", "document-send");
            assertThat(phone.js("return document.querySelector('#step-0-capture video').srcObject")).as("the camera is off").isNull();
            phone.click("step-0-send", "dr-send");
            waitForFinish(phone);
        }
        var light = light(flow, session);
        assertThat(light.path("status").asString()).isEqualTo("FINISHED");
        assertThat(CapturesKinds.of(light.path("document_recognition_result"))).containsExactly("document_front", "document_portrait");
    }

    static void waitForFinish(Chromium browser) {
        browser.waitFor("s-finished", Duration.ofSeconds(30));
    }

    @Test
    void aProductionSessionShowsNoTestModeAndSaysTheCheckIsNotAvailable() {
        var production = data.org(OrganizationStatus.PRODUCTION, LD, DR, F2F);
        var flow = data.flow(production.organization().id(), LD, DR, F2F);
        var session = session(flow);
        try (var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "production")) {
            phone.open(base() + "/flow/" + session);
            phone.check("s-intro", "intro");
            assertThat(phone.driver().findElements(By.cssSelector(".sandbox, .outcome, select"))).isEmpty();
            phone.click("s-intro", "agree");
            phone.check("s-unavailable", "not-available");
            assertThat(phone.js("return document.querySelectorAll('video')[0].srcObject")).as("the camera was never asked for").isNull();
        }
        var light = light(flow, session);
        assertThat(light.path("status").asString()).isEqualTo("CREATED");
        assertThat(light.toString()).doesNotContain("\"sandbox\":true");
    }

    @Test
    void russianAndKazakhPagesAreTranslatedAndAccessible() {
        var flow = data.flow(data.org().organization().id(), "{\"locale\":\"ru\"}", null, LD, ED, F2F);
        for (var language : List.of("ru", "kz")) {
            var session = session(flow);
            var declined = session(flow);
            try (var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "language-" + language)) {
                phone.open(base() + "/flow/" + declined + (language.equals("kz") ? "?locale=kz" : ""));
                phone.check("s-intro", "intro");
                assertThat(phone.js("return document.documentElement.lang")).isEqualTo(language.equals("kz") ? "kk" : "ru");
                var intro = phone.waitFor("s-intro").getText();
                assertThat(intro).contains(language.equals("kz") ? "Жеке басыңызды растаңыз" : "Подтвердите личность")
                        .doesNotContain("Agree", "Verify your identity");
                phone.click("s-intro", "decline");
                phone.check("s-decline", "decline");
                phone.click("s-decline", "decline-confirm");
                phone.check("s-declined", "declined");
                assertThat(light(flow, declined).path("failure_reasons").get(0).path("type").asString())
                        .as("the decline is recorded").isEqualTo("user_declined");
                phone.open(base() + "/flow/" + declined + "?locale=" + language);
                phone.check("s-done-before", "declined-before");
                phone.open(base() + "/flow/" + session + "?locale=" + language);
                phone.click("s-intro", "agree");
                phone.check("step-0-prep", "liveness-prep");
                assertThat(phone.waitFor("step-0-prep").getText()).contains(language.equals("kz") ? "3 қадамның 1-қадамы" : "Шаг 1 из 3");
                phone.click("step-0-prep", "ld-primer");
                phone.check("step-0-primer", "camera-primer");
                phone.click("step-0-primer", "ld-camera");
                waitCameraLive(phone, "step-0-capture", "ld-start");
                phone.check("step-0-capture", "liveness-camera");
                assertTranslated(phone, "#step-0-capture [data-instruction]");
                new Select(phone.driver().findElement(By.id("step-0-outcome"))).selectByValue("challenge_failed");
                phone.click("step-0-capture", "ld-start");
                phone.waitFor("s-retry", Duration.ofSeconds(40));
                phone.check("s-retry", "retry");
                assertTranslated(phone, "#kf-attempts");
                phone.click("s-retry", "retry");
                waitCameraLive(phone, "step-0-capture", "ld-start");
                new Select(phone.driver().findElement(By.id("step-0-outcome"))).selectByValue("pass");
                phone.click("step-0-capture", "ld-start");
                phone.waitFor("step-1-prep", Duration.ofSeconds(40));
                phone.check("step-1-prep", "edocument");
                phone.click("step-1-prep", "ed-share");
                phone.check("step-2-prep", "face-match");
                phone.click("step-2-prep", "f2f-run");
                phone.check("s-finished", "finished");
                assertThat(phone.waitFor("s-finished").getText()).doesNotContain("Thank you", "close this page");
            }
            var light = light(flow, session);
            assertThat(light.path("status").asString()).isEqualTo("FINISHED");
        }
    }

    /** A text the script wrote is in the page's language, not the English fallback or a key. */
    static void assertTranslated(Chromium browser, String selector) {
        var text = browser.driver().findElement(By.cssSelector(selector)).getText();
        assertThat(text).isNotBlank().matches("(?s).*[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі].*").doesNotContain("js.", "hint.", "ld.");
    }

    @Test
    void theIntroIsKeyboardOperableAndReflowsAt320Pixels() {
        var flow = data.flow(data.org().organization().id(), LD, DR, F2F);
        try (var narrow = new Chromium(new Size("320px", 320, 640, true), Camera.FAKE, video, "keyboard-320px")) {
            narrow.open(base() + "/flow/" + session(flow));
            narrow.check("s-intro", "intro");
            assertThat(((Number) narrow.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue())
                    .as("no horizontal scrolling at 320 px").isLessThanOrEqualTo(0);
            var agree = narrow.driver().findElement(By.cssSelector("#s-intro [data-action='agree']"));
            for (int i = 0; i < 20 && !agree.equals(narrow.driver().switchTo().activeElement()); i++) {
                narrow.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            }
            assertThat(narrow.driver().switchTo().activeElement()).as("Agree is reachable with Tab").isEqualTo(agree);
            assertThat(String.valueOf(narrow.js("return getComputedStyle(document.activeElement).outlineStyle;"))).as("visible focus").isEqualTo("solid");
            agree.sendKeys(org.openqa.selenium.Keys.ENTER);
            narrow.check("step-0-prep", "liveness-prep");
            narrow.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            narrow.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            narrow.check("step-0-primer", "camera-primer");
        }
    }

    @Test
    void theDesktopHandsOffByQrCodeAndFollowsThePhoneToTheEndAndAThirdDeviceIsRefused() {
        var flow = data.flow(data.org().organization().id(), redirects("handoff"), null, LD, ED, F2F);
        var session = session(flow);
        try (var desktop = new Chromium(Size.DESKTOP, Camera.NONE, null, "handoff-desktop");
             var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "handoff-phone");
             var stranger = new Chromium(Size.PHONE, Camera.NONE, null, "handoff-third-device")) {
            desktop.open(base() + "/flow/" + session);
            desktop.waitFor("s-intro");
            assertThat(desktop.driver().findElement(By.cssSelector("#s-intro .phone-offer")).isDisplayed()).isTrue();
            desktop.click("s-intro", "handoff");
            desktop.waitFor("s-handoff");
            new WebDriverWait(desktop.driver(), Duration.ofSeconds(10)).until(d -> desktop.js("return document.querySelector('#kf-qr svg') !== null"));
            desktop.check("s-handoff", "qr-code");
            var link = desktop.driver().findElement(By.id("kf-link")).getAttribute("value");
            assertThat(link).contains("/flow/" + session + "#handoff=");
            // the link names the public base URL (a random port here is not known to it): the phone opens it on this server
            phone.open(base() + link.substring(link.indexOf("/flow/")));
            phone.check("s-claim", "did-you-start-this");
            assertThat(phone.url()).as("the code leaves the address bar").doesNotContain("#handoff");
            phone.click("s-claim", "claim");
            phone.check("s-intro", "consent-on-phone");
            assertThat(phone.driver().findElement(By.cssSelector("#s-intro .phone-offer")).isDisplayed()).isFalse();

            desktop.check("s-following", "following-phone");
            phone.click("s-intro", "agree");
            phone.click("step-0-prep", "ld-primer");
            phone.click("step-0-primer", "ld-camera");
            waitCameraLive(phone, "step-0-capture", "ld-start");
            phone.click("step-0-capture", "ld-start");
            phone.check("step-1-prep", "edocument");
            new WebDriverWait(desktop.driver(), Duration.ofSeconds(15)).until(d ->
                    desktop.driver().findElement(By.id("kf-following-status")).getText().contains("step 2 of 3"));
            desktop.screenshot("following-step-2");

            stranger.open(base() + "/flow/" + session);
            stranger.check("s-other-device", "opened-on-another-device");
            stranger.open(base() + link.substring(link.indexOf("/flow/")));
            stranger.check("s-claim", "did-you-start-this");
            stranger.click("s-claim", "claim-no");
            stranger.check("s-claim-refused", "not-me");
            stranger.open(base() + link.substring(link.indexOf("/flow/")));
            stranger.click("s-claim", "claim");
            stranger.check("s-claim-error", "code-already-used");
            assertThat(stranger.waitFor("s-claim-error").getText()).contains("It was already used on another phone: the verification continues there.")
                    .doesNotContain("It has expired.", "Show a new code");

            phone.click("step-1-prep", "ed-share");
            phone.click("step-2-prep", "f2f-run");
            phone.check("s-phone-done", "done-on-phone");

            desktop.waitFor("s-finished", Duration.ofSeconds(15));
            desktop.check("s-finished", "finished");
            waitForUrl(desktop, "/kyc-return/handoff/success");
            assertThat(phone.url()).as("the phone stays on its page").startsWith(base() + "/flow/");
            stranger.open(base() + "/flow/" + session);
            stranger.check("s-closed", "ended-elsewhere");
        }
        assertThat(light(flow, session).path("status").asString()).isEqualTo("FINISHED");
    }

    @Test
    void aDigitalSignatureStepShowsWhatToSignAndTheQueryStringProvesNothing() {
        var flow = data.flow(data.org().organization().id(), redirects("ds"), null, io.kycflow.technology.TechnologyCode.DSI);
        var session = session(flow);
        try (var phone = new Chromium(Size.PHONE, Camera.NONE, null, "digital-signature")) {
            phone.open(base() + "/flow/" + session + "?status=FINISHED&outcome=success&session_id=" + session + "#finished");
            phone.check("s-intro", "intro");
            assertThat(phone.url()).as("no redirect from a query string").contains("/flow/" + session);
            phone.click("s-intro", "agree");
            phone.check("step-0-prep", "signature");
            assertThat(phone.waitFor("step-0-prep").getText()).contains("Sign with your digital signature", "CMS / PKCS#7", "1 MB");
            assertThat(phone.driver().findElement(By.id("step-0-challenge")).getAttribute("value"))
                    .isEqualTo("kycflow digital signature for session " + session);
        }
        assertThat(light(flow, session).path("status").asString()).isEqualTo("CREATED");
    }

    /** What a native app's bridges receive, recorded in the tab's sessionStorage (it survives the redirect). */
    static final String BRIDGES = """
            (function () {
              function keep(kind, message) {
                var all = JSON.parse(sessionStorage.getItem('bridge') || '[]');
                all.push(kind + ' ' + (typeof message === 'string' ? message : JSON.stringify(message)));
                sessionStorage.setItem('bridge', JSON.stringify(all));
              }
              window.ReactNativeWebView = { postMessage: function (m) { keep('rn', m); } };
              window.webkit = { messageHandlers: { kycflow: { postMessage: function (m) { keep('ios', m); } } } };
              window.KycflowAndroid = { postMessage: function (m) { keep('android', m); } };
              window.addEventListener('finish', function (e) { keep('finish', e.detail); });
            })();
            """;

    @Test
    void inAWebViewThePagePostsEachEventToTheNativeBridgesAndGoesStraightToTheRedirect() {
        var flow = data.flow(data.org().organization().id(), redirects("app"), null, LD, ED, F2F);
        var session = session(flow);
        try (var phone = new Chromium(Size.PHONE, Camera.FAKE, video, "webview")) {
            phone.onNewDocument(BRIDGES);
            phone.open(base() + "/flow/" + session + "?web_view=true");
            phone.check("s-intro", "intro");
            assertThat(phone.driver().findElement(By.cssSelector(".langs a[lang='kk']")).getAttribute("href")).endsWith("?locale=kz&web_view=true");
            phone.click("s-intro", "agree");
            phone.click("step-0-prep", "ld-primer");
            phone.click("step-0-primer", "ld-camera");
            waitCameraLive(phone, "step-0-capture", "ld-start");
            phone.click("step-0-capture", "ld-start");
            phone.waitFor("step-1-prep", Duration.ofSeconds(40));
            phone.click("step-1-prep", "ed-share");
            phone.click("step-2-prep", "f2f-run");
            waitForUrl(phone, "/kyc-return/app/success");
            @SuppressWarnings("unchecked")
            var events = (List<String>) phone.js("return JSON.parse(sessionStorage.getItem('bridge') || '[]');");
            var prefix = "{\"source\":\"kycflow\",";
            var id = "\"session_id\":\"" + session + "\"";
            var expected = new java.util.ArrayList<String>();
            for (var message : List.of(
                    "\"event\":\"started\"," + id + ",\"status\":\"CREATED\"}",
                    "\"event\":\"step_completed\"," + id + ",\"technology\":\"LD\",\"step\":1,\"steps\":3,\"status\":\"PASSED\"}",
                    "\"event\":\"step_completed\"," + id + ",\"technology\":\"ED\",\"step\":2,\"steps\":3,\"status\":\"PASSED\"}",
                    "\"event\":\"step_completed\"," + id + ",\"technology\":\"F2F\",\"step\":3,\"steps\":3,\"status\":\"PASSED\"}",
                    "\"event\":\"finished\"," + id + ",\"status\":\"FINISHED\"}")) {
                for (var bridge : List.of("rn", "ios", "android")) {
                    expected.add(bridge + " " + prefix + message);
                }
                if (message.contains("finished")) {
                    expected.add("finish " + prefix + message);
                }
            }
            assertThat(events).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void alwaysMobileShowsADesktopOnlyTheCode() {
        var flow = data.flow(data.org().organization().id(), "{\"always_mobile\":true}", null, LD);
        try (var desktop = new Chromium(Size.DESKTOP, Camera.NONE, null, "always-mobile")) {
            desktop.open(base() + "/flow/" + session(flow));
            desktop.waitFor("s-handoff");
            new WebDriverWait(desktop.driver(), Duration.ofSeconds(10)).until(d -> desktop.js("return document.querySelector('#kf-qr svg') !== null"));
            desktop.check("s-handoff", "qr-only");
            assertThat(desktop.driver().findElements(By.cssSelector("#s-handoff [data-action='back-intro']"))).isEmpty();
        }
    }

    @Test
    void aRefusedCameraGetsTheRecoveryScreenNotAWeakerCapture() {
        var flow = data.flow(data.org().organization().id(), LD, DR, F2F);
        try (var desktop = new Chromium(Size.DESKTOP, Camera.DENIED, null, "camera-refused")) {
            desktop.open(base() + "/flow/" + session(flow));
            desktop.click("s-intro", "agree");
            desktop.click("step-0-prep", "ld-primer");
            desktop.click("step-0-primer", "ld-camera");
            desktop.check("s-camera-error", "camera-blocked");
            assertThat(desktop.waitFor("s-camera-error").getText()).contains("Camera access is blocked", "Reload the page", "Use another device");
        }
    }

    @Test
    void expiredAndUnknownLinksGetTheirOwnScreens() {
        var flow = data.flow(data.org().organization().id(), LD);
        var session = session(flow);
        jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), UUID.fromString(session)).update();
        var expiring = session(flow);
        jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(100), UUID.fromString(expiring)).update();
        try (var phone = new Chromium(Size.PHONE, Camera.NONE, null, "ended")) {
            phone.open(base() + "/flow/" + expiring);
            phone.click("s-intro", "agree");
            phone.waitFor("step-0-prep");
            waitVisible(phone, "#kf-expiry");
            assertThat(phone.driver().findElement(By.id("kf-expiry")).getText()).isEqualTo("This link expires in about 2 min. Finish soon, or ask for a new link.");
            phone.check("step-0-prep", "expiry-warning");

            phone.open(base() + "/flow/" + session);
            phone.check("s-expired", "expired");
            phone.open(base() + "/flow/" + UUID.randomUUID());
            assertThat(phone.driver().findElement(By.tagName("h1")).getText()).isEqualTo("We can’t find this verification");
            phone.screenshot("not-found");
            assertThat(phone.axe()).isEmpty();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    String base() {
        return "http://localhost:" + port;
    }

    String redirects(String name) {
        return "{\"success_redirect_url\":\"" + base() + "/kyc-return/" + name + "/success?from=kycflow\","
                + "\"failure_redirect_url\":\"" + base() + "/kyc-return/" + name + "/failure?from=kycflow\"}";
    }

    List<String> outcomes(io.kycflow.technology.TechnologyCode code) {
        var codes = new java.util.ArrayList<String>(List.of("pass"));
        catalog.get(code).resultSchema().failureReasons().forEach(reason -> codes.add(reason.code()));
        return codes;
    }

    String session(IssuedFlow flow) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    JsonNode light(IssuedFlow flow, String session) {
        return http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key", flow.apiKey())).json();
    }

    /** The camera is live when the page enables the capture button (it waits for the first video frame). */
    static void waitCameraLive(Chromium browser, String screen, String action) {
        browser.waitFor(screen);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> browser.driver()
                .findElement(By.cssSelector("#" + screen + " [data-action='" + action + "']")).isEnabled());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d ->
                Boolean.TRUE.equals(browser.js("var v = document.querySelector('#" + screen + " video'); return v.videoWidth > 0;")));
    }

    static void waitVisible(Chromium browser, String selector) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> browser.driver().findElement(By.cssSelector(selector)).isDisplayed());
    }

    static void waitForUrl(Chromium browser, String part) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> browser.url().contains(part));
    }

    /** The first screen over the wire: the document, its stylesheet and its script, and no capture code yet. */
    static void assertFirstScreenBudget(Chromium browser) {
        var bytes = ((Number) browser.js("var n = performance.getEntriesByType('navigation')[0];"
                + "return performance.getEntriesByType('resource').reduce(function (sum, r) { return sum + (r.transferSize || r.encodedBodySize); },"
                + " n.transferSize || n.encodedBodySize);")).longValue();
        var interactive = ((Number) browser.js("return Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);")).longValue();
        var resources = String.valueOf(browser.js("return performance.getEntriesByType('resource').map(function (r) { return r.name; }).join(' ');"));
        System.out.printf("ui_first_screen_kb=%.1f ui_interactive_ms=%d%n", bytes / 1024.0, interactive);
        assertThat(bytes).as("first screen bytes (%s)", resources).isLessThanOrEqualTo(100 * 1024);
        assertThat(resources).contains("/flow/assets/flow.js", "/flow/assets/flow.css").doesNotContain("capture.js", "camera.js");
    }

    /** The media kinds a light-result block links to. */
    static final class CapturesKinds {
        static List<String> of(JsonNode block) {
            var kinds = new java.util.ArrayList<String>();
            block.path("media").forEach(link -> kinds.add(link.path("kind").asString()));
            return kinds;
        }
    }
}
