package io.kycflow.remote.web;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flow Widget over plain HTTP: its script as other sites load it, and what the page says about framing: CSP
 * {@code frame-ancestors} with exactly the flow's {@code widget_allowed_origins} (else {@code 'none'}), no
 * contradicting {@code X-Frame-Options}, and an events target only when the embedding origin is one of them.
 */
@IntegrationTest
class WidgetPageTests {

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
    void theScriptIsSmallCacheableAndLoadableFromAnotherSite() {
        var script = http.get("/widget/v1/kycflow.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(script.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600", "public");
        assertThat(script.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("cross-origin");
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(script.body()).contains("window.FlowWidget", "startSession", "allow = 'camera'",
                "event.origin !== ORIGIN", "event.source !== frame.contentWindow", "new CustomEvent('finish'");
        assertThat(script.body().length()).as("small vanilla JS").isLessThan(6 * 1024);
        assertThat(http.get("/widget/v1/missing.js").status()).isEqualTo(404);
    }

    @Test
    void thePageMayBeFramedOnlyByTheOriginsItsFlowLists() {
        var closed = session(data.flow(data.org().organization().id(), LD));
        var page = http.get("/flow/" + closed + "?widget=true&origin=https://shop.example");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors 'none'");
        assertThat(FlowPageTests.config(page.body(), "kf-config").path("widget_origin").isNull()).isTrue();

        var flow = data.flow(data.org().organization().id(),
                "{\"widget_allowed_origins\":[\"https://shop.example\",\"HTTP://Localhost:8081\"]}", null, LD);
        var session = session(flow);
        var framed = http.get("/flow/" + session + "?widget=true&origin=" + enc("HTTPS://Shop.Example:443"));
        var csp = framed.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).endsWith("frame-ancestors https://shop.example http://localhost:8081").contains("script-src 'self'");
        assertThat(framed.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(framed.headers().firstValue("X-Frame-Options")).as("nothing contradicts frame-ancestors").isEmpty();
        var config = FlowPageTests.config(framed.body(), "kf-config");
        assertThat(config.path("widget").asBoolean()).isTrue();
        assertThat(config.path("widget_origin").asString()).as("normalized as browsers report it").isEqualTo("https://shop.example");
        assertThat(framed.body()).contains("?locale=ru&amp;widget=true&amp;origin=https%3A%2F%2Fshop.example");

        var elsewhere = FlowPageTests.config(http.get("/flow/" + session + "?widget=true&origin=https://evil.example").body(), "kf-config");
        assertThat(elsewhere.path("widget_origin").isNull()).as("events go to no origin the flow does not list").isTrue();
        var lookalike = FlowPageTests.config(http.get("/flow/" + session + "?widget=true&origin="
                + enc("https://shop.example.evil.example")).body(), "kf-config");
        assertThat(lookalike.path("widget_origin").isNull()).isTrue();
        var topLevel = FlowPageTests.config(http.get("/flow/" + session + "?origin=https://shop.example").body(), "kf-config");
        assertThat(topLevel.path("widget").asBoolean()).isFalse();
        assertThat(topLevel.path("widget_origin").isNull()).isTrue();
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    String session(IssuedFlow flow) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }
}
