package io.kycflow.cabinet;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.cabinet.internal.RouteTable;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.SandboxVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cabinet over real HTTP (cookie-keeping client, random port, H2): every role against every route of the route
 * table, CSRF, lockout, invitations, tenancy, and the rest of the server left as it was.
 */
@IntegrationTest
class CabinetAccessTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    io.kycflow.flow.FlowService flows;
    @Autowired
    io.kycflow.technology.TechnologyCatalog catalog;
    TestData data;
    @Autowired
    SessionService sessions;
    @Autowired
    SandboxVerifier sandbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
    }

    /** An organization with one finished sandbox session and one member per role. */
    record Org(UUID id, UUID sessionId, Map<CabinetRole, String> emails) {
    }

    Org org() {
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD);
        var session = sandbox.complete(sessions.create(flow.flow(), null), true);
        var emails = new EnumMap<CabinetRole, String>(CabinetRole.class);
        var ownerEmail = "owner-" + TestData.unique() + "@example.com";
        var owner = new CabinetClient(port);
        accept(owner, ownerInvitation(org.organization().id(), ownerEmail));
        emails.put(CabinetRole.OWNER, ownerEmail);
        for (var role : new CabinetRole[] {CabinetRole.ADMIN, CabinetRole.REVIEWER, CabinetRole.VIEWER}) {
            var email = role.name().toLowerCase() + "-" + TestData.unique() + "@example.com";
            owner.get("/cabinet/members");
            var page = owner.post("/cabinet/members/invitations", "email", email, "role", role.name());
            var link = page.body().replaceAll("(?s).*id=\"link\" class=\"mono\" type=\"text\" readonly value=\"([^\"]+)\".*", "$1");
            accept(new CabinetClient(port), link);
            emails.put(role, email);
        }
        return new Org(org.organization().id(), session.id(), emails);
    }

    String ownerInvitation(UUID orgId, String email) {
        var response = http.admin("POST", "/api/v1/admin/organizations/" + orgId + "/owner-invitations",
                "{\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("expires_at").asString()).isNotBlank();
        return response.json().path("invitation_url").asString();
    }

    /** Opens the link and sets the password; the person is then signed in. */
    CabinetClient.Page accept(CabinetClient client, String link) {
        var path = URI.create(link).getRawPath();
        assertThat(client.get(path).status()).isEqualTo(200);
        var page = client.post(path, "password", PASSWORD, "confirmation", PASSWORD);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        return page;
    }

    CabinetClient signedIn(String email) {
        var client = new CabinetClient(port);
        assertThat(client.login(email, PASSWORD)).endsWith("/cabinet/");
        return client;
    }

    @Test
    void everyControllerRouteHasARuleInTheTable() {
        var table = RouteTable.rows().stream().map(r -> r.method() + " " + r.pattern()).toList();
        var mapped = new ArrayList<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/cabinet"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern))));
        assertThat(mapped).isNotEmpty();
        assertThat(table).containsAll(mapped);
    }

    /** Every role (and nobody signed in) against every row: allowed → no 403 and no login; else 403 or the login page. */
    @Test
    void everyRoleGetsExactlyWhatTheRouteTableSays() {
        var org = org();
        var checked = 0;
        for (var row : RouteTable.rows()) {
            var path = row.pattern().replace("{id}", org.sessionId().toString()).replace("{mediaId}", java.util.UUID.randomUUID().toString())
                    .replace("{token}", "no-such-invitation-token-0123456789abcdef0123456789")
                    .replace("/**", "/cabinet.css");
            for (var role : new CabinetRole[] {null, CabinetRole.VIEWER, CabinetRole.REVIEWER, CabinetRole.ADMIN, CabinetRole.OWNER}) {
                var client = role == null ? new CabinetClient(port) : signedIn(org.emails().get(role));
                client.get("/cabinet/login");
                var page = "GET".equals(row.method()) ? client.get(path) : client.post(path, benignFields(path));
                var toLogin = page.status() == 302 && page.location().endsWith("/cabinet/login");
                var allowed = row.open() || role != null && row.minimum() != null && role.atLeast(row.minimum());
                var what = (role == null ? "anonymous" : role) + " " + row.method() + " " + path + " -> " + page.status()
                        + " " + page.location();
                if (allowed) {
                    assertThat(page.status()).as(what).isNotEqualTo(403).isLessThan(500);
                    assertThat(toLogin).as(what).isFalse();
                } else if (role == null) {
                    assertThat(toLogin).as(what).isTrue();
                } else {
                    assertThat(page.status()).as(what).isEqualTo(403);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(RouteTable.rows().size() * 5);
    }

    /** Form values that leave state as it was (a decline without reason, an empty message, a wrong password…). */
    private static String[] benignFields(String path) {
        if (path.endsWith("/decision")) {
            return new String[] {"decision", "decline", "reason", ""};
        }
        if (path.endsWith("/rotate") || path.endsWith("/reveal")) {
            return new String[] {"password", "not the password", "confirm", ""};
        }
        if (path.contains("/invitations")) {
            return new String[] {"email", "", "password", "", "confirmation", ""};
        }
        if (path.endsWith("/role")) {
            return new String[] {"role", "NO_SUCH_ROLE"};
        }
        if (path.endsWith("/two-factor-required")) {
            return new String[] {"required", "false"};
        }
        if (path.contains("/two-factor")) {
            return new String[] {"code", "", "password", "not the password"};
        }
        return new String[] {"message", ""};
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        var org = org();
        var reviewer = signedIn(org.emails().get(CabinetRole.REVIEWER));
        var page = reviewer.post("/cabinet/sessions/" + org.sessionId() + "/decision", false, "decision", "approve");
        assertThat(page.status()).isEqualTo(403);
        assertThat(sessions.get(org.id(), org.sessionId()).status().name()).isEqualTo("FINISHED");
        var anonymous = new CabinetClient(port);
        assertThat(anonymous.post("/cabinet/login", false, "username", org.emails().get(CabinetRole.OWNER),
                "password", PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void aReviewerApprovesAndTheDecisionIsRecordedAndAudited() {
        var org = org();
        var reviewer = signedIn(org.emails().get(CabinetRole.REVIEWER));
        var detail = reviewer.get("/cabinet/sessions/" + org.sessionId());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("Approve", "aria-label=\"LD attempts\"");
        // media are links to the audited opener, not signed URLs in the page; the opener redirects to one for this viewer
        var link = java.util.regex.Pattern.compile("/cabinet/sessions/" + org.sessionId() + "/media/[0-9a-f-]{36}")
                .matcher(detail.body());
        assertThat(link.find()).as("a media link on the page").isTrue();
        var opened = reviewer.get(link.group());
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).contains("/media/").doesNotStartWith("/cabinet/");
        var stranger = signedIn(org().emails().get(CabinetRole.OWNER));
        assertThat(stranger.get(link.group()).status()).as("another organization's media").isEqualTo(404);
        var done = reviewer.post("/cabinet/sessions/" + org.sessionId() + "/decision", "decision", "approve", "reason", "looks fine");
        assertThat(done.status()).isEqualTo(302);
        assertThat(sessions.get(org.id(), org.sessionId()).status().name()).isEqualTo("APPROVED");
        var owner = signedIn(org.emails().get(CabinetRole.OWNER));
        var csv = owner.get("/cabinet/audit.csv");
        assertThat(csv.body()).contains("\"decision\"", "\"" + org.sessionId() + "\"", "\"sign_in\"", "\"media_view\"");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        var org = org();
        var email = org.emails().get(CabinetRole.VIEWER);
        var client = new CabinetClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(client.login(email, "wrong password " + i)).endsWith("/cabinet/login?error");
        }
        assertThat(client.login(email, PASSWORD)).endsWith("/cabinet/login?error");
        assertThat(client.get("/cabinet/").status()).isEqualTo(302);
        var locked = jdbc.sql("SELECT locked_until FROM cabinet_member WHERE email = ?").param(email)
                .query(java.time.OffsetDateTime.class).single();
        assertThat(locked).isAfter(java.time.OffsetDateTime.now().plusMinutes(14));
        jdbc.sql("UPDATE cabinet_member SET locked_until = ? WHERE email = ?")
                .params(java.time.OffsetDateTime.now().minusSeconds(1), email).update();
        assertThat(signedIn(email).get("/cabinet/").status()).isEqualTo(200);
    }

    @Test
    void anInvitationWorksOnceAndNotAfterItExpires() {
        var org = data.org();
        var link = ownerInvitation(org.organization().id(), "once-" + TestData.unique() + "@example.com");
        accept(new CabinetClient(port), link);
        var again = new CabinetClient(port);
        assertThat(again.get(URI.create(link).getRawPath()).status()).isEqualTo(404);
        again.get("/cabinet/login"); // a valid CSRF token, so the refusal is the invitation's
        assertThat(again.post(URI.create(link).getRawPath(), "password", PASSWORD, "confirmation", PASSWORD).status())
                .isEqualTo(404);

        var late = ownerInvitation(org.organization().id(), "late-" + TestData.unique() + "@example.com");
        jdbc.sql("UPDATE cabinet_invitation SET expires_at = ? WHERE used_at IS NULL AND email LIKE 'late-%'")
                .param(java.time.OffsetDateTime.now().minusSeconds(1)).update();
        assertThat(new CabinetClient(port).get(URI.create(late).getRawPath()).status()).isEqualTo(404);
    }

    @Test
    void thePasswordPolicyIsEnforced() {
        var org = data.org();
        var email = "policy-" + TestData.unique() + "@example.com";
        var path = URI.create(ownerInvitation(org.organization().id(), email)).getRawPath();
        var client = new CabinetClient(port);
        client.get(path);
        var tooShort = client.post(path, "password", "short pass", "confirmation", "short pass");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        var theEmail = client.post(path, "password", email, "confirmation", email);
        assertThat(theEmail.status()).isEqualTo(400);
        assertThat(theEmail.body()).contains("must not be your e-mail");
        assertThat(client.post(path, "password", PASSWORD, "confirmation", PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aMemberOfOneOrganizationNeverReachesAnothersSessions() {
        var a = org();
        var b = org();
        var owner = signedIn(a.emails().get(CabinetRole.OWNER));
        var foreign = owner.get("/cabinet/sessions/" + b.sessionId());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(foreign.body()).contains("<h1>Not found</h1>").doesNotContain("customer", "flow-");
        assertThat(owner.get("/cabinet/sessions/not-a-session-id").status()).isEqualTo(400);
        owner.get("/cabinet/sessions/" + a.sessionId());
        assertThat(owner.post("/cabinet/sessions/" + b.sessionId() + "/decision", "decision", "approve", "reason", "x").status())
                .isEqualTo(404);
        assertThat(sessions.get(b.id(), b.sessionId()).status().name()).isEqualTo("FINISHED");
        assertThat(owner.get("/cabinet/sessions").body()).contains(a.sessionId().toString()).doesNotContain(b.sessionId().toString());
    }

    @Test
    void aViewerSeesNoMediaNorPersonalFields() {
        var org = org();
        var viewer = signedIn(org.emails().get(CabinetRole.VIEWER));
        var page = viewer.get("/cabinet/sessions/" + org.sessionId());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("/media/", "Metadata", "Approve").contains("no media and no personal fields");
    }

    @Test
    void rotatingTheKeyNeedsThePasswordAndTheOldKeyStopsWorking() {
        var org = org();
        var oldKey = organizations.apiKey(org.id());
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        admin.get("/cabinet/api-key");
        assertThat(admin.post("/cabinet/api-key/rotate", "password", "wrong password!!", "confirm", "ROTATE").body())
                .contains("not right");
        assertThat(organizations.authenticate(oldKey)).isPresent();
        var revealed = admin.post("/cabinet/api-key/reveal", "password", PASSWORD);
        assertThat(revealed.body()).contains(oldKey);
        var rotated = admin.post("/cabinet/api-key/rotate", "password", PASSWORD, "confirm", "ROTATE");
        var newKey = organizations.apiKey(org.id());
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.body()).contains(newKey).doesNotContain(oldKey);
        assertThat(organizations.authenticate(oldKey)).isEmpty();
        var mcp = http.postJson("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "Authorization", "Bearer " + oldKey,
                "Accept", "application/json, text/event-stream");
        assertThat(mcp.status()).isEqualTo(401);
    }

    @Test
    void logOutEverywhereEndsEverySessionOfTheMember() {
        var org = org();
        var email = org.emails().get(CabinetRole.REVIEWER);
        var laptop = signedIn(email);
        var phone = signedIn(email);
        assertThat(phone.get("/cabinet/").status()).isEqualTo(200);
        assertThat(laptop.get("/cabinet/").status()).isEqualTo(200);
        assertThat(laptop.post("/cabinet/account/logout-everywhere").status()).isEqualTo(302);
        assertThat(phone.get("/cabinet/").status()).isEqualTo(302);
        assertThat(laptop.get("/cabinet/").status()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHardenedAndRenewedAtSignIn() {
        var org = org();
        var client = new CabinetClient(port);
        var first = client.get("/cabinet/sessions");
        assertThat(first.status()).isEqualTo(302);
        var before = client.cookie("KYCFLOW_CABINET");
        client.get("/cabinet/login");
        var login = client.post("/cabinet/login", "username", org.emails().get(CabinetRole.VIEWER), "password", PASSWORD);
        var setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("KYCFLOW_CABINET=")).findFirst();
        assertThat(setCookie).hasValueSatisfying(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Strict"));
        assertThat(client.cookie("KYCFLOW_CABINET")).isNotEqualTo(before);
        var page = client.get("/cabinet/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void theRestOfTheServerGetsNoSecuritySessionCsrfOrRedirect() {
        var ping = http.get("/api/v1/ping/");
        assertThat(ping.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("KYCFLOW_CABINET") || c.startsWith("JSESSIONID"));
        var create = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"nope\"}");
        assertThat(create.status()).isIn(401, 403);
        assertThat(create.headers().firstValue("Location")).isEmpty();
        assertThat(create.headers().firstValue("X-Frame-Options")).isEmpty();
    }
}
