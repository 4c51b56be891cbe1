package io.kycflow.cabinet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.kycflow.IntegrationTest;
import io.kycflow.cabinet.internal.TotpCodes;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.TestData;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.kycflow.cabinet.CabinetPeople.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SMTP configured ({@code spring.mail.*}), an owner's invitation is e-mailed through a real SMTP server
 * (GreenMail, in this process, on a free port) and its link works once; when the server is down the page says so
 * and shows the link. This context also shortens the two-factor step to two seconds to see it expire.
 */
@IntegrationTest
class CabinetInvitationMailTests {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("https?://\\S+/cabinet/invitations/[A-Za-z0-9_-]+");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("kycflow.cabinet.mail-from", () -> "cabinet@kycflow.test");
        properties.add("kycflow.cabinet.second-step-ttl", () -> "2s");
    }

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    io.kycflow.flow.FlowService flows;
    @Autowired
    io.kycflow.technology.TechnologyCatalog catalog;

    CabinetPeople people;

    @BeforeEach
    void setUp() {
        people = new CabinetPeople(port, new TestData(organizations, flows, catalog));
    }

    @Test
    void theInvitationIsEMailedItsLinkWorksOnceAndAFailedSendShowsTheLink() throws Exception {
        // the only test here that invites (the other one's owner comes from the admin API, which e-mails nothing)
        var org = people.ownerOnly();
        var ownerEmail = org.emails().get(CabinetRole.OWNER);
        var owner = people.signedIn(ownerEmail);

        var invitee = "invitee-" + TestData.unique() + "@example.com";
        owner.get("/cabinet/members");
        var page = owner.post("/cabinet/members/invitations", "email", invitee, "role", "REVIEWER");
        assertThat(page.body()).contains("The invitation was e-mailed to " + invitee).doesNotContain("id=\"link\"");
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        var messages = SMTP.getReceivedMessages();
        assertThat(messages).hasSize(1);
        var message = messages[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(invitee);
        assertThat(message.getFrom()[0].toString()).isEqualTo("cabinet@kycflow.test");
        var text = part(message, "text/plain");
        var html = part(message, "text/html");
        assertThat(text).contains("as REVIEWER").doesNotContain(ownerEmail);
        assertThat(html).contains("<a href=\"http").doesNotContain(ownerEmail);
        var matcher = LINK.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        var link = matcher.group();
        assertThat(html).contains(link);

        var person = new CabinetClient(port);
        assertThat(people.accept(person, link)).endsWith("/cabinet/");
        assertThat(person.get("/cabinet/").status()).isEqualTo(200);
        assertThat(new CabinetClient(port).get(URI.create(link).getRawPath()).status()).as("used once").isEqualTo(404);
        assertThat(owner.get("/cabinet/audit.csv").body()).contains("\"role REVIEWER, e-mailed\"");

        SMTP.stop();
        var failed = owner.post("/cabinet/members/invitations", "email", "unsent-" + TestData.unique() + "@example.com",
                "role", "VIEWER");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).contains("could not be sent", "id=\"link\"");
        var shown = failed.body().replaceAll("(?s).*id=\"link\" class=\"mono\" type=\"text\" readonly value=\"([^\"]+)\".*", "$1");
        assertThat(new CabinetClient(port).get(URI.create(shown).getRawPath()).status()).isEqualTo(200);
    }

    @Test
    void theTwoFactorStepExpires() throws Exception {
        var email = people.ownerOnly().emails().get(CabinetRole.OWNER);
        var client = people.signedIn(email);
        var secret = CabinetPeople.secretOn(client.get("/cabinet/account/two-factor"));
        client.post("/cabinet/account/two-factor", "code", TotpCodes.code(secret, 0));
        var late = new CabinetClient(port);
        assertThat(late.login(email, PASSWORD)).endsWith("/cabinet/login/two-factor");
        late.get("/cabinet/login/two-factor");
        Thread.sleep(2_500);
        var refused = late.post("/cabinet/login/two-factor", "code", TotpCodes.code(secret, 1));
        assertThat(refused.location()).endsWith("/cabinet/login?timeout");
        assertThat(late.get("/cabinet/").location()).endsWith("/cabinet/login");
    }

    /** The text of the message's first part of {@code type} (the e-mail is multipart: plain text and HTML). */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
