package io.kycflow.cabinet;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kycflow.support.Http;
import io.kycflow.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization with one member per role, made over real HTTP as people make them (the admin API's owner
 * invitation, then the owner's invitations from the Members page), and signed-in clients for them.
 */
final class CabinetPeople {

    static final String PASSWORD = "correct horse battery";
    private static final Pattern SECRET = Pattern.compile("id=\"secret\" class=\"mono\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>");

    record Org(UUID id, Map<CabinetRole, String> emails) {
    }

    private final int port;
    private final TestData data;

    CabinetPeople(int port, TestData data) {
        this.port = port;
        this.data = data;
    }

    /** A new organization whose first owner (through the admin API) is signed in on the answered client. */
    CabinetClient owner(Map<CabinetRole, String> emails, UUID orgId) {
        var ownerEmail = "owner-" + TestData.unique() + "@example.com";
        var response = new Http(port).admin("POST", "/api/v1/admin/organizations/" + orgId + "/owner-invitations",
                "{\"email\":\"" + ownerEmail + "\"}");
        assertThat(response.status()).isEqualTo(201);
        var owner = new CabinetClient(port);
        accept(owner, response.json().path("invitation_url").asString());
        emails.put(CabinetRole.OWNER, ownerEmail);
        return owner;
    }

    /** An organization with its owner only. */
    Org ownerOnly() {
        var orgId = data.org().organization().id();
        var emails = new EnumMap<CabinetRole, String>(CabinetRole.class);
        owner(emails, orgId);
        return new Org(orgId, emails);
    }

    Org org() {
        var orgId = data.org().organization().id();
        var emails = new EnumMap<CabinetRole, String>(CabinetRole.class);
        var owner = owner(emails, orgId);
        for (var role : new CabinetRole[] {CabinetRole.ADMIN, CabinetRole.REVIEWER, CabinetRole.VIEWER}) {
            var email = role.name().toLowerCase() + "-" + TestData.unique() + "@example.com";
            accept(new CabinetClient(port), invite(owner, email, role));
            emails.put(role, email);
        }
        return new Org(orgId, emails);
    }

    /** The owner invites from the Members page; without SMTP the page shows the link. */
    static String invite(CabinetClient owner, String email, CabinetRole role) {
        owner.get("/cabinet/members");
        var page = owner.post("/cabinet/members/invitations", "email", email, "role", role.name());
        return page.body().replaceAll("(?s).*id=\"link\" class=\"mono\" type=\"text\" readonly value=\"([^\"]+)\".*", "$1");
    }

    /** Opens the link and sets the password; answers where the person was sent. */
    String accept(CabinetClient client, String link) {
        var path = URI.create(link).getRawPath();
        assertThat(client.get(path).status()).isEqualTo(200);
        var page = client.post(path, "password", PASSWORD, "confirmation", PASSWORD);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        return page.location();
    }

    CabinetClient signedIn(String email) {
        var client = new CabinetClient(port);
        assertThat(client.login(email, PASSWORD)).endsWith("/cabinet/");
        return client;
    }

    /** The key for typing by hand on the enrolment page. */
    static String secretOn(CabinetClient.Page page) {
        var matcher = SECRET.matcher(page.body());
        assertThat(matcher.find()).as("the key on the enrolment page").isTrue();
        return matcher.group(1).replace(" ", "");
    }

    static java.util.List<String> recoveryCodesOn(CabinetClient.Page page) {
        return RECOVERY.matcher(page.body()).results().map(m -> m.group(1)).toList();
    }
}
