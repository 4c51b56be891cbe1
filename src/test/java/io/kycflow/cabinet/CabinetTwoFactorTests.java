package io.kycflow.cabinet;

import java.util.List;

import io.kycflow.IntegrationTest;
import io.kycflow.cabinet.internal.RouteTable;
import io.kycflow.cabinet.internal.TotpCodes;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.web.QrSvgTests;
import io.kycflow.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.kycflow.cabinet.CabinetPeople.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP two-factor sign-in over real HTTP: enrolment (wrong code refused, QR and key, recovery codes once), the
 * second step after the password for every page, codes used once, recovery codes, the shared lockout, turning it
 * off, and an organization that requires it.
 */
@IntegrationTest
class CabinetTwoFactorTests {

    static final String SECOND_STEP = "/cabinet/login/two-factor";
    static final String ENROLMENT = "/cabinet/account/two-factor";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    io.kycflow.flow.FlowService flows;
    @Autowired
    io.kycflow.technology.TechnologyCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    CabinetPeople people;

    @BeforeEach
    void setUp() {
        people = new CabinetPeople(port, new TestData(organizations, flows, catalog));
    }

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    /** Enrols an authenticator on a signed-in (or enrolment-bound) client. */
    static Enrolled enrol(CabinetClient client) {
        var page = client.get(ENROLMENT);
        assertThat(page.status()).isEqualTo(200);
        var secret = CabinetPeople.secretOn(page);
        var done = client.post(ENROLMENT, "code", TotpCodes.code(secret, 0));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        var codes = CabinetPeople.recoveryCodesOn(done);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolled(secret, codes);
    }

    /** Password, then the code: answers the page after the second step. */
    CabinetClient.Page signInWithCode(CabinetClient client, String email, String code) {
        assertThat(client.login(email, PASSWORD)).endsWith(SECOND_STEP);
        client.get(SECOND_STEP);
        return client.post(SECOND_STEP, "code", code);
    }

    @Test
    void enrolmentNeedsARightCodeAndShowsTenRecoveryCodesOnce() throws Exception {
        var org = people.org();
        var email = org.emails().get(CabinetRole.REVIEWER);
        var client = people.signedIn(email);
        var page = client.get(ENROLMENT);
        var secret = CabinetPeople.secretOn(page);
        assertThat(secret).hasSize(32); // 160 bits
        var svg = page.body().replaceAll("(?s).*(<svg.*?</svg>).*", "$1");
        assertThat(QrSvgTests.decode(svg)).startsWith("otpauth://totp/kycflow:").contains("secret=" + secret, "issuer=kycflow");
        assertThat(CabinetPeople.secretOn(client.get(ENROLMENT))).as("a reload keeps the secret being enrolled").isEqualTo(secret);

        var wrong = client.post(ENROLMENT, "code", "000000".equals(TotpCodes.code(secret, 0)) ? "111111" : "000000");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("not right");
        assertThat(twoFactorOn(email)).isFalse();

        var done = client.post(ENROLMENT, "code", TotpCodes.code(secret, 0));
        assertThat(done.status()).isEqualTo(200);
        assertThat(CabinetPeople.recoveryCodesOn(done)).hasSize(10);
        assertThat(twoFactorOn(email)).isTrue();
        var stored = jdbc.sql("SELECT totp_secret FROM cabinet_member WHERE email = ?").param(email).query(byte[].class).single();
        assertThat(stored).as("sealed, not the secret").hasSize(20 + 29);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        var again = client.get(ENROLMENT);
        assertThat(again.body()).contains("Two-factor sign-in is on", "10 of 10");
        assertThat(CabinetPeople.recoveryCodesOn(again)).isEmpty();
        assertThat(again.body()).doesNotContain(secret).doesNotContain("<svg");
        assertThat(people.signedIn(org.emails().get(CabinetRole.OWNER)).get("/cabinet/audit.csv").body())
                .contains("\"two_factor_enrolled\"");
    }

    @Test
    void afterThePasswordEveryPageWaitsForTheCodeAndTheSessionIdIsRenewed() {
        var org = people.org();
        var email = org.emails().get(CabinetRole.OWNER);
        var enrolled = enrol(people.signedIn(email));
        var client = new CabinetClient(port);
        assertThat(client.login(email, PASSWORD)).endsWith(SECOND_STEP);
        var partway = client.cookie("KYCFLOW_CABINET");
        client.get(SECOND_STEP); // its form's CSRF token, so that refusals below are the route table's
        var id = "00000000-0000-7000-8000-000000000000";
        for (var row : RouteTable.rows()) {
            if (row.open() || RouteTable.SECOND_STEP.equals(row.partway())) {
                continue;
            }
            var path = row.pattern().replace("{id}", id).replaceAll("\\{[A-Za-z]+}", "00000000-0000-7000-8000-000000000000");
            var page = "GET".equals(row.method()) ? client.get(path) : client.post(path, "message", "");
            assertThat(page.status()).as(row.method() + " " + path).isEqualTo(302);
            assertThat(page.location()).as(row.method() + " " + path).endsWith(SECOND_STEP);
        }
        var second = client.get(SECOND_STEP);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("Enter your code").doesNotContain("aria-label=\"Cabinet\"");
        var wrong = client.post(SECOND_STEP, "code", "12345x");
        assertThat(wrong.status()).isEqualTo(400);
        var done = client.post(SECOND_STEP, "code", TotpCodes.code(enrolled.secret(), 1));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/cabinet/");
        assertThat(client.cookie("KYCFLOW_CABINET")).as("a new session id after the second step").isNotEqualTo(partway);
        assertThat(client.get("/cabinet/members").status()).isEqualTo(200);
        assertThat(client.get(SECOND_STEP).status()).as("done: the step is closed").isEqualTo(403);
        client.get("/cabinet/api-key");
        assertThat(client.post("/cabinet/api-key/reveal", "password", PASSWORD).status()).as("a fresh CSRF token works").isEqualTo(200);
    }

    @Test
    void aCodeWorksOnceAndSoDoesEachRecoveryCode() {
        var org = people.org();
        var email = org.emails().get(CabinetRole.VIEWER);
        var enrolled = enrol(people.signedIn(email));
        var code = TotpCodes.code(enrolled.secret(), 1);
        assertThat(signInWithCode(new CabinetClient(port), email, code).status()).isEqualTo(302);
        var replay = signInWithCode(new CabinetClient(port), email, code);
        assertThat(replay.status()).as("the same code again").isEqualTo(400);
        assertThat(replay.body()).contains("already used");

        var recovery = enrolled.recoveryCodes().get(3);
        var withRecovery = new CabinetClient(port);
        assertThat(signInWithCode(withRecovery, email, recovery.toUpperCase()).location()).endsWith("/cabinet/");
        assertThat(withRecovery.get("/cabinet/").status()).isEqualTo(200);
        assertThat(signInWithCode(new CabinetClient(port), email, recovery).status()).isEqualTo(400);
        assertThat(people.signedIn(org.emails().get(CabinetRole.OWNER)).get("/cabinet/audit.csv").body())
                .contains("\"recovery_code_used\"", "\"9 left\"", "\"with a recovery code\"");
    }

    @Test
    void twoSignInsRacingWithTheSameCodeLetOnlyOneIn() throws Exception {
        var org = people.org();
        var email = org.emails().get(CabinetRole.REVIEWER);
        var enrolled = enrol(people.signedIn(email));
        var first = new CabinetClient(port);
        var second = new CabinetClient(port);
        for (var client : List.of(first, second)) {
            assertThat(client.login(email, PASSWORD)).endsWith(SECOND_STEP);
            client.get(SECOND_STEP);
        }
        var code = TotpCodes.code(enrolled.secret(), 1);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> { start.await(); return first.post(SECOND_STEP, "code", code).status(); });
            var b = pool.submit(() -> { start.await(); return second.post(SECOND_STEP, "code", code).status(); });
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(302, 400);
        }
    }

    @Test
    void wrongCodesCountTowardTheLockout() {
        var org = people.org();
        var email = org.emails().get(CabinetRole.ADMIN);
        var enrolled = enrol(people.signedIn(email));
        var client = new CabinetClient(port);
        assertThat(client.login(email, PASSWORD)).endsWith(SECOND_STEP);
        client.get(SECOND_STEP);
        for (int i = 0; i < 4; i++) {
            assertThat(client.post(SECOND_STEP, "code", "99999" + i).status()).isEqualTo(400);
        }
        var fifth = client.post(SECOND_STEP, "code", "999994");
        assertThat(fifth.location()).endsWith("/cabinet/login?error");
        assertThat(client.get("/cabinet/").location()).endsWith("/cabinet/login");
        assertThat(new CabinetClient(port).login(email, PASSWORD)).as("locked, right password or not").endsWith("/cabinet/login?error");
        assertThat(enrolled.secret()).isNotEmpty();
    }

    @Test
    void turningItOffNeedsThePasswordAndACode() {
        var org = people.org();
        var email = org.emails().get(CabinetRole.REVIEWER);
        var client = people.signedIn(email);
        var enrolled = enrol(client);
        client.get(ENROLMENT);
        var noPassword = client.post("/cabinet/account/two-factor/disable", "password", "wrong password!!",
                "code", TotpCodes.code(enrolled.secret(), 1));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(twoFactorOn(email)).isTrue();
        var off = client.post("/cabinet/account/two-factor/disable", "password", PASSWORD, "code", TotpCodes.code(enrolled.secret(), 1));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body()).contains("Two-factor sign-in is off");
        assertThat(twoFactorOn(email)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cabinet_recovery_code rc JOIN cabinet_member m ON m.id = rc.member_id "
                + "WHERE m.email = ?").param(email).query(Integer.class).single()).isZero();
        assertThat(new CabinetClient(port).login(email, PASSWORD)).endsWith("/cabinet/");
    }

    @Test
    void anOrganizationThatRequiresItSendsMembersToEnrolFirst() {
        var org = people.org();
        var owner = people.signedIn(org.emails().get(CabinetRole.OWNER));
        owner.get("/cabinet/members");
        var notYet = owner.post("/cabinet/members/two-factor-required", "required", "true");
        assertThat(owner.get(notYet.location()).body()).contains("for yourself first");
        enrol(owner);
        owner.get("/cabinet/members");
        owner.post("/cabinet/members/two-factor-required", "required", "true");
        assertThat(owner.get("/cabinet/members").body()).contains("Stop requiring two-factor");

        var viewer = new CabinetClient(port);
        assertThat(viewer.login(org.emails().get(CabinetRole.VIEWER), PASSWORD)).endsWith(ENROLMENT);
        var page = viewer.get(ENROLMENT);
        for (var row : RouteTable.rows()) {
            if (row.open() || RouteTable.ENROLMENT.equals(row.partway())) {
                continue;
            }
            var path = row.pattern().replaceAll("\\{[A-Za-z]+}", "00000000-0000-7000-8000-000000000000");
            var refused = "GET".equals(row.method()) ? viewer.get(path) : viewer.post(path, "message", "");
            assertThat(refused.location()).as(row.method() + " " + path).endsWith(ENROLMENT);
        }
        assertThat(page.body()).contains("Your organization requires two-factor sign-in").doesNotContain("aria-label=\"Cabinet\"");
        var before = viewer.cookie("KYCFLOW_CABINET");
        var done = viewer.post(ENROLMENT, "code", TotpCodes.code(CabinetPeople.secretOn(page), 0));
        assertThat(CabinetPeople.recoveryCodesOn(done)).hasSize(10);
        assertThat(viewer.cookie("KYCFLOW_CABINET")).isNotEqualTo(before);
        assertThat(viewer.get("/cabinet/sessions").status()).isEqualTo(200);
        var off = viewer.post("/cabinet/account/two-factor/disable", "password", PASSWORD, "code", "123456");
        assertThat(off.body()).contains("requires two-factor sign-in, so it stays on");
        var newcomer = new CabinetClient(port);
        assertThat(people.accept(newcomer, CabinetPeople.invite(owner, "new-" + TestData.unique() + "@example.com",
                CabinetRole.REVIEWER))).as("a new member enrols first too").endsWith(ENROLMENT);
        assertThat(newcomer.get("/cabinet/sessions").location()).endsWith(ENROLMENT);

        owner.get("/cabinet/members");
        owner.post("/cabinet/members/two-factor-required", "required", "false");
        assertThat(owner.get("/cabinet/audit.csv").body()).contains("\"two_factor_required_on\"", "\"two_factor_required_off\"");
        assertThat(new CabinetClient(port).login(org.emails().get(CabinetRole.ADMIN), PASSWORD)).endsWith("/cabinet/");
    }

    private boolean twoFactorOn(String email) {
        return jdbc.sql("SELECT totp_secret IS NOT NULL FROM cabinet_member WHERE email = ?").param(email)
                .query(Boolean.class).single();
    }
}
