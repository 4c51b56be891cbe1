package io.kycflow.api;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.Http;
import io.kycflow.support.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's admin API over real HTTP: key check, organizations, keys and subscriptions. */
@IntegrationTest
class AdminOrganizationApiTests {

    private static final String ORGS = "/api/v1/admin/organizations";
    private static final String URL_SAFE_KEY = "[A-Za-z0-9_-]{47,}";

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void wrongAdminKeyIsRefusedWithProblemJson() {
        var response = http.get(ORGS, "X-Admin-API-Key", "not-the-admin-key-0123456789abcdef");
        response.assertProblem(401, "invalid_admin_key");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        http.send("POST", ORGS, Http.JSON, BodyPublishers.ofString("{\"name\":\"x\"}"),
                "Authorization", "Bearer wrong-admin-key").assertProblem(401, "invalid_admin_key");
    }

    @Test
    void missingAdminKeyIsRefusedAndCreatesNothing() {
        int before = organizations.list().size();
        http.get(ORGS).assertProblem(401, "invalid_admin_key");
        http.postJson(ORGS, "{\"name\":\"sneaky\",\"technologies\":\"ALL\"}").assertProblem(401, "invalid_admin_key");
        assertThat(organizations.list()).hasSize(before);
    }

    @Test
    void keyCheckCannotBeSidesteppedWithPathTricks() {
        for (var path : new String[] {"/api/v1//admin/organizations", "//api/v1/admin/organizations",
                "/api/v1/admin/organizations;x=1", "/api/v1/admin;/organizations", "/api/v1/admin/./organizations",
                "/api/v1/x/../admin/organizations", "/api/v1/%61dmin/organizations", "/api/v1/ADMIN/organizations",
                "/api/v1/admin/organizations/"}) {
            var response = http.get(path);
            assertThat(response.status()).as(path).isIn(401, 404);
            assertThat(response.body()).as(path).doesNotContain("\"results\"");
        }
    }

    @Test
    void adminKeyIsAcceptedAsBearerToken() {
        assertThat(http.get(ORGS, "Authorization", "Bearer " + Http.ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void createdOrganizationComesWithUrlSafeKeyAndRequestedSubscriptions() {
        var created = http.admin("POST", ORGS, "{\"name\":\"Acme Bank\",\"status\":\"DEMO\",\"technologies\":[\"DR\",\"LD\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var org = created.json();
        assertThat(org.path("api_key").asString()).matches(URL_SAFE_KEY);
        assertThat(org.path("name").asString()).isEqualTo("Acme Bank");
        assertThat(org.path("status").asString()).isEqualTo("DEMO");
        assertThat(org.path("sandbox").asBoolean()).isTrue();
        assertThat(created.strings("technologies")).containsExactly("LD", "DR"); // catalog order
        var id = UUID.fromString(org.path("id").asString());
        assertThat(organizations.authenticate(org.path("api_key").asString())).hasValueSatisfying(
                found -> assertThat(found.id()).isEqualTo(id));
    }

    @Test
    void allSubscribesToEveryTechnologyAndStatusDefaultsToTest() {
        var org = http.admin("POST", ORGS, "{\"name\":\"Everything Inc\",\"technologies\":\"ALL\"}");
        assertThat(org.status()).isEqualTo(201);
        assertThat(org.json().path("status").asString()).isEqualTo("TEST");
        assertThat(org.strings("technologies")).containsExactly("LD", "DR", "F2F", "ED", "DSI", "DSN", "DSS");
    }

    @Test
    void listShowsOrganizationsWithoutTheirKeysAndGetOneShowsTheKey() {
        var created = http.admin("POST", ORGS, "{\"name\":\"Listed Ltd\",\"technologies\":[\"ED\"]}").json();
        var id = created.path("id").asString();

        var list = http.admin("GET", ORGS, null);
        assertThat(list.status()).isEqualTo(200);
        var listed = list.json().path("results").valueStream().filter(o -> o.path("id").asString().equals(id)).toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().path("name").asString()).isEqualTo("Listed Ltd");
        assertThat(listed.getFirst().has("api_key")).isFalse();
        assertThat(list.body()).doesNotContain(created.path("api_key").asString());

        var one = http.admin("GET", ORGS + "/" + id, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("api_key").asString()).isEqualTo(created.path("api_key").asString());
        assertThat(one.strings("technologies")).containsExactly("ED");
    }

    @Test
    void patchChangesStatusAndSandboxFollows() {
        var id = createOrg("{\"name\":\"Going live\",\"technologies\":[\"LD\"]}");

        var patched = http.admin("PATCH", ORGS + "/" + id, "{\"status\":\"PRODUCTION\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("status").asString()).isEqualTo("PRODUCTION");
        assertThat(patched.json().path("sandbox").asBoolean()).isFalse();
        assertThat(http.admin("GET", ORGS + "/" + id, null).json().path("status").asString()).isEqualTo("PRODUCTION");
    }

    @Test
    void rotatingTheKeyRetiresTheOldOneAtOnce() {
        var created = http.admin("POST", ORGS, "{\"name\":\"Rotating\",\"technologies\":[\"LD\"]}").json();
        var id = UUID.fromString(created.path("id").asString());
        var oldKey = created.path("api_key").asString();

        var rotated = http.admin("POST", ORGS + "/" + id + "/api-key", null);

        assertThat(rotated.status()).isEqualTo(200);
        var newKey = rotated.json().path("api_key").asString();
        assertThat(newKey).matches(URL_SAFE_KEY).isNotEqualTo(oldKey);
        assertThat(organizations.authenticate(oldKey)).isEmpty();
        assertThat(organizations.authenticate(newKey)).hasValueSatisfying(org -> assertThat(org.id()).isEqualTo(id));
        assertThat(http.admin("GET", ORGS + "/" + id, null).json().path("api_key").asString()).isEqualTo(newKey);
    }

    @Test
    void aKeyThatDoesNotOpenIsAProblemThatNamesNoSecret() {
        var a = http.admin("POST", ORGS, "{\"name\":\"Sealed A\"}").json();
        var b = http.admin("POST", ORGS, "{\"name\":\"Sealed B\"}").json();
        jdbc.sql("UPDATE organization SET api_key_sealed = (SELECT api_key_sealed FROM organization WHERE id = ?) WHERE id = ?")
                .params(UUID.fromString(a.path("id").asString()), UUID.fromString(b.path("id").asString())).update();

        var response = http.admin("GET", ORGS + "/" + b.path("id").asString(), null);

        response.assertProblem(500, "api_key_unreadable");
        assertThat(response.body()).doesNotContain(a.path("api_key").asString()).doesNotContain(b.path("api_key").asString());
        assertThat(organizations.authenticate(b.path("api_key").asString())).as("authentication compares hashes only").isPresent();
    }

    @Test
    void subscriptionsAreGrantedAndRevoked() {
        var id = createOrg("{\"name\":\"Subscriber\",\"technologies\":[\"LD\"]}");

        var granted = http.admin("PUT", ORGS + "/" + id + "/subscriptions/F2F", null);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.strings("technologies")).containsExactly("LD", "F2F");
        assertThat(http.admin("PUT", ORGS + "/" + id + "/subscriptions/F2F", null).strings("technologies"))
                .as("granting twice is harmless").containsExactly("LD", "F2F");

        var revoked = http.admin("DELETE", ORGS + "/" + id + "/subscriptions/LD", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.strings("technologies")).containsExactly("F2F");
        assertThat(http.admin("GET", ORGS + "/" + id + "/subscriptions", null).strings("technologies")).containsExactly("F2F");
        assertThat(organizations.subscriptions(UUID.fromString(id))).extracting(t -> t.code().name()).containsExactly("F2F");
    }

    @Test
    void unknownTechnologyCodeIsRefusedNamingTheFieldAndCreatesNothing() {
        int before = organizations.list().size();
        var response = http.admin("POST", ORGS, "{\"name\":\"Bad tech\",\"technologies\":[\"LD\",\"XX\"]}");
        assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).isEqualTo("body.technologies[1]");
        assertThat(http.admin("GET", ORGS, null).json().path("results").size()).isEqualTo(before);
    }

    @Test
    void badStatusIsRefusedNamingTheFieldAndCreatesNothing() {
        int before = organizations.list().size();
        var response = http.admin("POST", ORGS, "{\"name\":\"Bad status\",\"status\":\"LIVE\",\"technologies\":\"ALL\"}");
        assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).isEqualTo("body.status");
        assertThat(response.json().path("detail").asString()).contains("TEST", "DEMO", "PRODUCTION");
        assertThat(organizations.list()).hasSize(before);
    }

    @Test
    void unknownFieldIsRefusedNamingTheFieldAndCreatesNothing() {
        int before = organizations.list().size();
        var response = http.admin("POST", ORGS, "{\"name\":\"Extra\",\"technologies\":\"ALL\",\"plan\":\"gold\"}");
        assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).isEqualTo("body.plan");
        assertThat(organizations.list()).hasSize(before);
    }

    @Test
    void missingNameIsRefusedNamingTheField() {
        int before = organizations.list().size();
        var response = http.admin("POST", ORGS, "{\"technologies\":\"ALL\"}");
        assertThat(response.assertProblem(400, "validation_failed").path("field").asString()).isEqualTo("body.name");
        assertThat(organizations.list()).hasSize(before);
    }

    @Test
    void nonUuidOrganizationIdIsRefusedNamingTheParameter() {
        assertThat(http.admin("GET", ORGS + "/not-a-uuid", null).assertProblem(400, "invalid_parameter")
                .path("field").asString()).isEqualTo("id");
        assertThat(http.admin("PATCH", ORGS + "/1-1-1-1-1", "{\"status\":\"TEST\"}").status()).isEqualTo(400);
    }

    @Test
    void unknownOrganizationIsNotFound() {
        http.admin("GET", ORGS + "/" + UUID.randomUUID(), null).assertProblem(404, "organization_not_found");
        http.admin("PUT", ORGS + "/" + UUID.randomUUID() + "/subscriptions/LD", null).assertProblem(404, "organization_not_found");
    }

    @Test
    void badPatchAndBadSubscriptionCodeChangeNothing() {
        var id = createOrg("{\"name\":\"Stable\",\"status\":\"TEST\",\"technologies\":[\"LD\"]}");

        http.admin("PATCH", ORGS + "/" + id, "{\"status\":\"live\"}").assertProblem(400, "validation_failed");
        http.admin("PATCH", ORGS + "/" + id, "{\"name\":\"Renamed\"}").assertProblem(400, "validation_failed");
        assertThat(http.admin("PUT", ORGS + "/" + id + "/subscriptions/ld", null).assertProblem(400, "validation_failed")
                .path("field").asString()).isEqualTo("code");

        var org = http.admin("GET", ORGS + "/" + id, null).json();
        assertThat(org.path("status").asString()).isEqualTo("TEST");
        assertThat(org.path("name").asString()).isEqualTo("Stable");
        assertThat(org.path("technologies").valueStream().map(n -> n.asString()).toList()).containsExactly("LD");
    }

    @Test
    void malformedJsonIsRefusedWithProblemJson() {
        int before = organizations.list().size();
        http.admin("POST", ORGS, "{\"name\": ").assertProblem(400, "malformed_body");
        assertThat(organizations.list()).hasSize(before);
    }

    private String createOrg(String json) {
        Response created = http.admin("POST", ORGS, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
