package io.kycflow.cabinet;

import java.net.URI;
import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.SessionService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session list's metadata filter over real HTTP: the value is posted, kept in the member's HTTP session and named
 * in addresses by an opaque id only, so it appears in no URL, no Location header, no link of a page and no log line.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CabinetSessionSearchTests {

    private static final Pattern LINKS = Pattern.compile("(?:href|action|src)=\"([^\"]*)\"");

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

    @Test
    void aMetadataSearchIsPostedAndTheValueIsInNoAddress(CapturedOutput output) {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org().organization().id();
        var flow = data.flow(org, TechnologyCode.LD).flow();
        var value = "alice+" + TestData.unique() + "@example.com";
        var metadata = TestData.json("{\"email\":\"" + value + "\"}");
        var matching = new ArrayList<UUID>();
        for (int i = 0; i < 53; i++) { // more than a page
            matching.add(sessions.create(flow, metadata).id());
        }
        var unrelated = sessions.create(flow, TestData.json("{\"email\":\"bob@example.com\"}")).id();
        var otherOrg = data.org().organization().id();
        var foreign = sessions.create(data.flow(otherOrg, TechnologyCode.LD).flow(), metadata).id();

        var owner = new CabinetClient(port);
        var ownerEmail = "owner-" + TestData.unique() + "@example.com";
        accept(owner, invitation(org, ownerEmail));
        owner.get("/cabinet/sessions");
        var posted = owner.post("/cabinet/sessions/search", "status", "", "flow", "", "from", "", "to", "", "metadata", " " + value + " ");
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        assertThat(posted.location()).matches(".*/cabinet/sessions\\?filter=[A-Za-z0-9_-]{22}$");
        assertNoValue(posted.location(), value);

        var first = owner.get(posted.location());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains(matching.getLast().toString()).doesNotContain(unrelated.toString(), foreign.toString());
        assertLinksWithoutValue(first.body(), value);
        var older = first.body().replaceAll("(?s).*<a class=\"button\" href=\"([^\"]+)\">Older sessions</a>.*", "$1").replace("&amp;", "&");
        assertThat(older).contains("filter=", "before=");
        var second = owner.get(older);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains(matching.getFirst().toString()).doesNotContain(unrelated.toString(), "Older sessions");
        assertLinksWithoutValue(second.body(), value);

        // status and dates travel in the address, the value still does not
        var filtered = owner.post("/cabinet/sessions/search", "status", "CREATED", "from", "2020-01-01", "metadata", value);
        assertThat(filtered.location()).contains("status=CREATED", "from=2020-01-01", "filter=");
        assertNoValue(filtered.location(), value);
        assertThat(owner.get(filtered.location()).body()).contains(matching.getLast().toString());

        // an id is this sign-in's only: another member (or an unknown id) gets a 4xx in our words
        var other = new CabinetClient(port);
        accept(other, invitation(otherOrg, "owner-" + TestData.unique() + "@example.com"));
        var stolen = other.get(posted.location());
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.body()).contains("no longer kept").doesNotContain(value, matching.getLast().toString());
        assertThat(owner.get("/cabinet/sessions?filter=AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(400);
        // a value in the query string is not a filter at all
        assertThat(owner.get("/cabinet/sessions?metadata=bob%40example.com").body()).contains(unrelated.toString());
        owner.get("/cabinet/sessions");
        assertThat(owner.post("/cabinet/sessions/search", "metadata", "x".repeat(201)).status()).isEqualTo(400);
        assertThat(owner.post("/cabinet/sessions/search", "status", "NOPE").status()).isEqualTo(400);

        assertThat(output.getAll()).doesNotContain(value);
    }

    @Test
    void aViewersMetadataValueIsDropped() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org().organization().id();
        var owner = new CabinetClient(port);
        accept(owner, invitation(org, "owner-" + TestData.unique() + "@example.com"));
        owner.get("/cabinet/members");
        var viewerEmail = "viewer-" + TestData.unique() + "@example.com";
        var page = owner.post("/cabinet/members/invitations", "email", viewerEmail, "role", "VIEWER");
        var link = page.body().replaceAll("(?s).*id=\"link\" class=\"mono\" type=\"text\" readonly value=\"([^\"]+)\".*", "$1");
        var viewer = new CabinetClient(port);
        accept(viewer, link);
        viewer.get("/cabinet/sessions");
        var posted = viewer.post("/cabinet/sessions/search", "status", "FINISHED", "metadata", "customer-1");
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/cabinet/sessions?status=FINISHED");
    }

    private static void assertNoValue(String url, String value) {
        assertThat(url).doesNotContain(value, value.replace("@", "%40"), value.replace("+", "%2B"), "alice");
    }

    private static void assertLinksWithoutValue(String body, String value) {
        var links = LINKS.matcher(body);
        int found = 0;
        while (links.find()) {
            assertNoValue(links.group(1), value);
            found++;
        }
        assertThat(found).isPositive();
    }

    private String invitation(UUID org, String email) {
        var response = new Http(port).admin("POST", "/api/v1/admin/organizations/" + org + "/owner-invitations",
                "{\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("invitation_url").asString();
    }

    private static void accept(CabinetClient client, String link) {
        var path = URI.create(link).getRawPath();
        assertThat(client.get(path).status()).isEqualTo(200);
        var page = client.post(path, "password", CabinetAccessTests.PASSWORD, "confirmation", CabinetAccessTests.PASSWORD);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
    }
}
