package io.kycflow.remote.web;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted page over plain HTTP (what a browser is sent, before any script runs): its headers, its languages, the
 * sandbox banner and outcome picker only for TEST/DEMO, nothing personal, the 404 page in our words, the hand-off's QR
 * code, and fingerprint_check keeping a session on its device.
 */
@IntegrationTest
class FlowPageTests {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;

    Http http;
    TestData data;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
    }

    @Test
    void thePageAndItsAssetsCarryTheSecurityHeadersAndNoInlineScript() {
        var flow = data.flow(data.org().organization().id(), LD, DR, F2F);
        var page = http.get("/flow/" + session(flow));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertSecurityHeaders(page);
        var csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        var scripts = SCRIPT.matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            var attributes = scripts.group(1);
            assertThat(attributes.contains("src=\"/flow/assets/") && attributes.contains("defer")
                    || attributes.contains("type=\"application/json\"")).as("<script%s>", attributes).isTrue();
        }
        assertThat(count).isEqualTo(3);
        assertThat(page.body()).contains("<html lang=\"en\"").doesNotContain("style=\"", "onclick", "http://", "https://");

        for (var asset : List.of("flow.js", "camera.js", "capture.js", "flow.css")) {
            var answer = http.get("/flow/assets/" + asset);
            assertThat(answer.status()).as(asset).isEqualTo(200);
            assertSecurityHeaders(answer);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).contains(asset.endsWith(".js") ? "javascript" : "text/css");
            assertThat(answer.body()).doesNotContain("http://", "https://", "eval(", "new Function");
        }
        assertThat(http.get("/flow/assets/nope.js").status()).isEqualTo(404);
        assertSecurityHeaders(http.get("/flow/" + session(flow) + "/progress"));
    }

    @Test
    void thePageSpeaksTheFlowsLanguageOrTheOneAskedFor() {
        var russianFlow = data.flow(data.org().organization().id(), "{\"locale\":\"ru\"}", null, LD);
        var session = session(russianFlow);
        var russian = http.get("/flow/" + session);
        assertThat(russian.body()).contains("<html lang=\"ru\"", "Подтвердите личность");
        var kazakh = http.get("/flow/" + session + "?locale=kz");
        assertThat(kazakh.body()).contains("<html lang=\"kk\"", "Жеке басыңызды растаңыз");
        var english = http.get("/flow/" + session + "?locale=en");
        assertThat(english.body()).contains("<html lang=\"en\"", "Verify your identity");
        assertThat(http.get("/flow/" + session + "?locale=xx").body()).as("an unknown locale: the flow's").contains("<html lang=\"ru\"");
        var messages = config(kazakh.body(), "kf-messages");
        assertThat(messages.path("hint.dark").asString()).isNotBlank().isNotEqualTo("Move to brighter light");
    }

    @Test
    void anUnknownOrMalformedSessionGetsA404PageInOurWords() {
        for (var id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1-1-1-1-1")) {
            var page = http.get("/flow/" + id);
            assertThat(page.status()).as(id).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("We can’t find this verification").doesNotContain("Exception", "at io.", "Whitelabel");
            assertSecurityHeaders(page);
        }
        assertThat(http.get("/flow/" + UUID.randomUUID() + "?locale=ru").body()).contains("lang=\"ru\"", "Мы не нашли");
        assertThat(http.get("/flow/" + UUID.randomUUID(), "Accept-Language", "kk-KZ,kk;q=0.9").body()).contains("lang=\"kk\"");
    }

    @Test
    void aSandboxPageShowsTheBannerAndEveryFailureReasonOfEachStepAndAProductionPageNeither() {
        var sandbox = http.get("/flow/" + session(data.flow(data.org().organization().id(), LD, DR, F2F))).body();
        assertThat(sandbox).contains("class=\"sandbox\"", "Test mode");
        for (var code : List.of(LD, DR, F2F)) {
            for (var reason : catalog.get(code).resultSchema().failureReasons()) {
                assertThat(sandbox).as(code + " " + reason.code()).contains("value=\"" + reason.code() + "\"");
            }
        }
        var config = config(sandbox, "kf-config");
        assertThat(config.path("sandbox").asBoolean()).isTrue();
        assertThat(config.path("steps").get(0).path("available").asBoolean()).isTrue();

        var production = data.org(OrganizationStatus.PRODUCTION, LD, DR, F2F);
        var page = http.get("/flow/" + session(data.flow(production.organization().id(), LD, DR, F2F))).body();
        assertThat(page).doesNotContain("class=\"sandbox\"", "Test mode", "data-outcome", "liveness_not_confirmed");
        var productionConfig = config(page, "kf-config");
        assertThat(productionConfig.path("sandbox").asBoolean()).isFalse();
        assertThat(productionConfig.path("steps").get(0).path("available").asBoolean()).as("no real engine installed").isFalse();
    }

    @Test
    void thePageShowsTheFlowNeverThePerson() {
        var flow = data.flow(data.org().organization().id(), "{\"success_redirect_url\":\"https://shop.example/kyc/done?x=1\"}",
                null, LD, ED, F2F, DSI);
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey()
                + "\",\"metadata\":{\"full_name\":\"Jane Q. Public\",\"user_id\":\"u-4242\"}}");
        var session = created.json().path("session_id").asString();
        var page = http.get("/flow/" + session).body();
        assertThat(page).doesNotContain("Jane", "u-4242", "metadata", "/media/", flow.apiKey());
        var config = config(page, "kf-config");
        assertThat(config.path("success_url").asString()).isEqualTo("https://shop.example/kyc/done?x=1&session_id=" + session);
        assertThat(config.path("failure_url").isNull()).isTrue();
        assertThat(config.path("steps").get(3).path("kind").asString()).isEqualTo("ds");
        assertThat(config.path("steps").get(3).path("available").asBoolean()).as("the sandbox takes signed files").isTrue();
        assertThat(page).contains("kycflow digital signature for session " + session); // what the person signs
    }

    @Test
    void theHandOffCarriesItsQrCodeAndFingerprintCheckKeepsTheSessionOnItsDevice() throws Exception {
        var flow = data.flow(data.org().organization().id(), LD);
        var session = session(flow);
        var browser = new PageBrowser(port);
        assertThat(browser.post(session, "/start").status()).isEqualTo(200);
        var handoff = browser.post(session, "/handoff");
        assertThat(handoff.status()).as(handoff.body()).isEqualTo(200);
        var url = handoff.json().path("handoff_url").asString();
        var svg = handoff.json().path("qr_svg").asString();
        assertThat(svg).startsWith("<svg").contains("aria-hidden=\"true\"").doesNotContain("<script");
        assertThat(QrSvgTests.decode(svg)).isEqualTo(url);

        var kept = data.flow(data.org().organization().id(), "{\"fingerprint_check\":true,\"show_qr\":false}", null, LD);
        var keptSession = session(kept);
        var page = http.get("/flow/" + keptSession).body();
        assertThat(config(page, "kf-config").path("handoff").asBoolean()).isFalse();
        assertThat(page).doesNotContain("class=\"phone-offer\"");
        var device = new PageBrowser(port);
        assertThat(device.post(keptSession, "/start").status()).isEqualTo(200);
        var refused = device.post(keptSession, "/handoff");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("handoff_disabled");
    }

    static void assertSecurityHeaders(Http.Response response) {
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Permissions-Policy").orElse("")).contains("camera=(self)");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    static JsonNode config(String page, String id) {
        var start = page.indexOf("<script type=\"application/json\" id=\"" + id + "\">");
        assertThat(start).as(id).isPositive();
        var from = page.indexOf('>', start) + 1;
        return JsonMapper.shared().readTree(page.substring(from, page.indexOf("</script>", from)));
    }

    String session(IssuedFlow flow) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }
}
