package io.kycflow.cabinet;

import java.io.File;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kycflow.IntegrationTest;
import io.kycflow.cabinet.internal.TotpCodes;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.Chromium;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.signature.TestPki;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19's acceptance walk in Debian's Chromium, in order, with one owner and one reviewer: the owner accepts the
 * admin API's invitation, signs in, enrols TOTP and signs in with a code, builds an LD → DR → F2F flow and a DSI flow
 * through the forms, reveals the flow's key, reveals and rotates the organization key (the old key is then refused by
 * {@code /mcp}) and invites a reviewer from the Members page. The customer's backend creates a session over REST and
 * finishes it through the sandbox; the reviewer opens its media and approves it; the decision shows in the REST light
 * result and in MCP's {@code list_flow_session_reviews}; the owner finds every step in the audit log (filters and CSV
 * export). Every page is photographed under target/screenshots/cabinet-journey/ (desktop; the reviewer's session
 * pages at phone width too) and checked by axe-core.
 */
@IntegrationTest
class CabinetJourneyBrowserTests {

    static final String PASSWORD = "a long journey password";
    static final String FOLDER = "cabinet-journey";
    static final String REASON = "Selfie, document and face match.";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;

    private final List<String> violations = new ArrayList<>();

    @Test
    void anOwnerSetsUpTheOrganizationAndAReviewerApprovesASessionFinishedThroughTheSandbox() {
        Chromium.assumeInstalled();
        FileSystemUtils.deleteRecursively(new File("target/screenshots/" + FOLDER)); // no stale shots from an earlier run
        var http = new Http(port);
        var orgId = new TestData(organizations, flows, catalog).org().organization().id();
        var owner = "journey-owner-" + TestData.unique() + "@example.com";
        var reviewer = "journey-reviewer-" + TestData.unique() + "@example.com";
        var invitation = http.admin("POST", "/api/v1/admin/organizations/" + orgId + "/owner-invitations",
                "{\"email\":\"" + owner + "\"}").json().path("invitation_url").asString();
        try (var desk = browser(Chromium.Size.DESKTOP, FOLDER);
             var reviewerDesk = browser(Chromium.Size.DESKTOP, FOLDER + "/reviewer")) {
            desk.acceptInvitation(invitation, PASSWORD, "owner-invitation");
            desk.signOut();
            desk.signIn(owner, PASSWORD, true);
            enrolTotpAndSignInWithACode(desk, owner);
            var flowKey = createFlows(desk);
            var orgKey = revealAndRotateTheOrganizationKey(desk, http, orgId.toString());

            desk.follow("Members");
            desk.type("email", reviewer);
            new Select(desk.driver().findElement(By.id("role"))).selectByValue("REVIEWER");
            desk.submit("form[action$='/members/invitations'] button[type=submit]");
            var reviewerLink = desk.valueOf("link");
            desk.check("member-invited");
            reviewerDesk.acceptInvitation(reviewerLink, PASSWORD, "reviewer-invitation");
            reviewerDesk.signOut();
            reviewerDesk.signIn(reviewer, PASSWORD, true);

            // the customer's backend: a session over REST, finished through the sandbox (a TEST organization)
            var created = http.postJson("/api/v1/flows/session/create/",
                    "{\"api_key\":\"" + flowKey + "\",\"metadata\":{\"user_id\":\"journey-42\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var sessionId = created.json().path("session_id").asString();
            var finished = http.postJson("/api/v1/sandbox/session/complete/",
                    "{\"api_key\":\"" + flowKey + "\",\"session_id\":\"" + sessionId + "\",\"outcome\":\"passed\"}");
            assertThat(finished.json().path("status").asString()).as(finished.body()).isEqualTo("FINISHED");

            review(reviewerDesk, sessionId);
            var light = http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", sessionId, "flow_api_key", flowKey));
            assertThat(light.json().path("status").asString()).as(light.body()).isEqualTo("APPROVED");
            try (var agent = mcp(orgKey)) {
                var trail = ok(agent, "list_flow_session_reviews", Map.of("session_id", sessionId)).path("results");
                var decision = trail.get(trail.size() - 1);
                assertThat(List.of("type", "from_status", "to_status", "author", "message").stream()
                        .map(field -> decision.path(field).asString()))
                        .containsExactly("STATUS_CHANGE", "FINISHED", "APPROVED", reviewer, REASON);
            }
            try (var phone = browser(Chromium.Size.PHONE, FOLDER + "/reviewer")) {
                phone.go("/cabinet/login");
                phone.signIn(reviewer, PASSWORD, true);
                phone.follow("Sessions");
                phone.check("sessions");
                phone.go("/cabinet/sessions/" + sessionId);
                assertThat(phone.text(".badge")).isEqualTo("APPROVED");
                phone.check("session-approved");
            }
            desk.follow("Overview");
            assertThat(desk.text("main")).contains("Last 14 days: 1 session\n");
            desk.check("overview-after-review");
            auditLog(desk, owner, reviewer, sessionId);
        }
        assertThat(violations).as("axe-core serious/critical violations").isEmpty();
    }

    /** Enrols an authenticator (the code computed from the key the page shows), signs out, signs in with a code. */
    private static void enrolTotpAndSignInWithACode(CabinetBrowser desk, String owner) {
        desk.driver().findElement(By.linkText("Two-factor sign-in")).click();
        desk.until(ExpectedConditions.urlContains("/cabinet/account/two-factor"));
        desk.check("two-factor-enrolment");
        var totpKey = desk.text("#secret").replace(" ", "");
        desk.type("code", TotpCodes.code(totpKey, 0));
        desk.submit("main button[type=submit]");
        desk.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".codes")));
        desk.check("recovery-codes");
        desk.signOut();
        desk.signIn(owner, PASSWORD, false);
        desk.until(ExpectedConditions.urlContains("/cabinet/login/two-factor"));
        desk.check("second-step");
        desk.type("code", TotpCodes.code(totpKey, 1)); // the enrolment spent the current step
        desk.submit("main button[type=submit]");
        desk.until(ExpectedConditions.urlMatches("/cabinet/$"));
        desk.check("overview");
    }

    /** An LD → DR → F2F flow and a DSI flow through the forms; answers the first one's key, shown after the password. */
    private static String createFlows(CabinetBrowser desk) {
        desk.follow("Flows");
        desk.check("flows-empty");
        startFlow(desk, "journey-kyc", "LD", "DR", "F2F");
        desk.check("flow-form");
        saveFlow(desk, "journey-kyc");
        assertThat(desk.text("ol.steps")).contains("LD", "DR", "F2F");
        desk.type("reveal-password", PASSWORD);
        desk.submit("form[action$='/key/reveal'] button[type=submit]");
        var flowKey = desk.valueOf("flow-key");
        desk.check("flow-key");
        startFlow(desk, "journey-signature", "DSI");
        try (var pki = new TestPki("journey root")) {
            desk.type("digital_signature_config-trusted_ca_certificates", pki.caPem());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new Select(desk.driver().findElement(By.id("digital_signature_config-signer_identity"))).selectByValue("SESSION_IIN");
        saveFlow(desk, "journey-signature");
        desk.check("dsi-flow");
        desk.follow("Flows");
        assertThat(desk.text("main")).contains("journey-kyc", "LD → DR → F2F", "journey-signature");
        desk.check("flows");
        return flowKey;
    }

    /** Opens the flow form, types the name and ticks the technologies in the order given. */
    private static void startFlow(CabinetBrowser desk, String name, String... codes) {
        desk.go("/cabinet/flows/new");
        desk.type("name", name);
        for (int i = 0; i < codes.length; i++) {
            desk.driver().findElement(By.id("tech-" + codes[i])).click();
            desk.driver().findElement(By.id("order-" + codes[i])).clear();
            desk.type("order-" + codes[i], String.valueOf(i + 1));
        }
    }

    private static void saveFlow(CabinetBrowser desk, String name) {
        desk.submit("form.flow-form button[type=submit]");
        desk.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(desk.text("h1")).isEqualTo("Flow " + name);
    }

    /** Reveals the key, which an agent then uses over MCP; rotates it, and /mcp refuses the old one at once. */
    private String revealAndRotateTheOrganizationKey(CabinetBrowser desk, Http http, String orgId) {
        desk.follow("API key");
        desk.check("api-key");
        desk.type("reveal-password", PASSWORD);
        desk.submit("form[action$='/api-key/reveal'] button[type=submit]");
        var oldKey = desk.valueOf("key");
        desk.check("api-key-revealed");
        var agent = mcp(oldKey);
        assertThat(ok(agent, "get_organization", Map.of("api_key", oldKey)).path("id").asString()).isEqualTo(orgId);
        desk.type("rotate-password", PASSWORD);
        desk.type("confirm", "ROTATE");
        desk.submit("form[action$='/api-key/rotate'] button[type=submit]");
        desk.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        var newKey = desk.valueOf("key");
        assertThat(newKey).isNotBlank().isNotEqualTo(oldKey);
        desk.check("api-key-rotated");
        assertThatThrownBy(() -> agent.callTool(new McpSchema.CallToolRequest("list_flows", Map.of())))
                .as("the old key on the agent's open MCP session").isInstanceOf(McpHttpClientTransportAuthorizationException.class);
        agent.close();
        assertThat(http.postJson("/mcp/", INITIALIZE, "Authorization", "Bearer " + oldKey,
                "Accept", "application/json, text/event-stream").status()).as("the old key on a new MCP session").isEqualTo(401);
        return newKey;
    }

    /** The reviewer finds the session in the list, opens its media, and approves it. */
    private static void review(CabinetBrowser browser, String sessionId) {
        browser.follow("Sessions");
        browser.check("sessions");
        browser.driver().findElement(By.linkText(sessionId)).click();
        browser.until(ExpectedConditions.urlContains(sessionId));
        assertThat(browser.driver().findElements(By.cssSelector(".thumbs img"))).as("media load only when asked for").isEmpty();
        browser.driver().findElement(By.partialLinkText("Show media (5)")).click();
        browser.until(ExpectedConditions.urlContains("media=shown"));
        assertThat(browser.driver().findElements(By.cssSelector(".thumbs img"))).as("media thumbnails").hasSize(5);
        assertThat(browser.chromium().js("return Array.prototype.every.call(document.querySelectorAll('.thumbs img'), "
                + "function (i) { return i.complete && i.naturalWidth > 0; });")).as("thumbnails loaded").isEqualTo(true);
        browser.check("session");
        browser.driver().findElement(By.cssSelector(".thumbs a")).click();
        browser.until(d -> Boolean.TRUE.equals(browser.chromium().js(
                "var i = document.images[0]; return !!i && i.complete && i.naturalWidth > 0;")));
        assertThat(browser.chromium().url()).contains("/media/");
        browser.chromium().screenshot("media"); // the image itself: not a page of ours for axe
        browser.driver().navigate().back();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
        browser.type("reason", REASON);
        browser.submit("button[value=approve]");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.text(".notice")).isEqualTo("Approved.");
        assertThat(browser.text(".trail")).contains("FINISHED → APPROVED", REASON);
        browser.check("approved");
    }

    /** The owner reads the whole story in the audit log, narrows it with the filters, and exports it as CSV. */
    private static void auditLog(CabinetBrowser desk, String owner, String reviewer, String sessionId) {
        desk.follow("Audit log");
        desk.check("audit");
        var rows = auditRows(desk);
        assertThat(rows).contains(owner + " sign_in", owner + " two_factor_enrolled", owner + " flow_create",
                owner + " flow_key_reveal", owner + " key_reveal", owner + " key_rotation", owner + " invitation",
                reviewer + " sign_in", reviewer + " media_view", reviewer + " decision");
        assertThat(rows).filteredOn(row -> row.equals(owner + " flow_create")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.equals(owner + " sign_in")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(desk.text("main")).contains("with an authenticator code", "journey-kyc: LD → DR → F2F", "journey-signature: DSI");

        desk.type("action", "key_rotation");
        desk.submit("form.filters button[type=submit]");
        desk.until(ExpectedConditions.urlContains("action=key_rotation"));
        assertThat(auditRows(desk)).containsExactly(owner + " key_rotation");
        desk.check("audit-key-rotation");

        desk.driver().findElement(By.id("action")).clear();
        desk.type("actor", reviewer);
        desk.submit("form.filters button[type=submit]");
        desk.until(ExpectedConditions.urlContains("actor="));
        var reviewerRows = auditRows(desk); // newest first: the phone's sign-in and page view, then the approval
        assertThat(reviewerRows).allMatch(row -> row.startsWith(reviewer + " "))
                .containsSubsequence(reviewer + " decision", reviewer + " media_view", reviewer + " sign_in");
        desk.check("audit-reviewer");
        // the Export CSV link keeps the filter; fetched as the browser downloads it, with the member's cookie
        var csv = String.valueOf(desk.chromium().js("return fetch(arguments[0]).then(function (r) { return r.text(); });",
                desk.driver().findElement(By.linkText("Export CSV")).getAttribute("href")));
        assertThat(csv.lines().skip(1)).hasSameSizeAs(reviewerRows).allMatch(line -> line.contains(",\"" + reviewer + "\","));
        assertThat(csv).contains("\"decision\",\"" + sessionId + "\",\"APPROVED\"", "\"media_view\",\"" + sessionId + "\"");
    }

    /** "who action" per row of the audit table, as shown. */
    private static List<String> auditRows(CabinetBrowser desk) {
        return desk.driver().findElements(By.cssSelector("table.grid tbody tr")).stream().map(row -> {
            var cells = row.findElements(By.tagName("td"));
            return cells.get(1).getText() + " " + cells.get(2).getText();
        }).toList();
    }

    private CabinetBrowser browser(Chromium.Size size, String folder) {
        return new CabinetBrowser(port, size, folder, violations);
    }

    /** An AI agent's MCP connection with the organization key, through the official SDK client. */
    private McpSyncClient mcp(String key) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp/")
                .clientBuilder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)))
                .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + key))
                .build();
        var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .clientInfo(new McpSchema.Implementation("kycflow-journey", "1.0")).build();
        client.initialize();
        return client;
    }

    private static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        var result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertThat(result.isError()).as("%s: %s", tool, result.content()).isNotEqualTo(Boolean.TRUE);
        return JsonMapper.shared().valueToTree(result.structuredContent());
    }

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},\
            "clientInfo":{"name":"journey","version":"1"}}}""";
}
