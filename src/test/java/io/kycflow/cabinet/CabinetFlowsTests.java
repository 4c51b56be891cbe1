package io.kycflow.cabinet;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.signature.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cabinet's flow pages over real HTTP: forms derived from the config declarations, FlowService's rules and
 * messages beside the fields, digital-signature flows, edits, the flow key (reveal, rotation: the old key then fails
 * on the runtime API), roles and tenancy, the labels' languages, and the audit log.
 */
@IntegrationTest
class CabinetFlowsTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    TestData data;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
    }

    record Org(UUID id, Map<CabinetRole, String> emails) {
    }

    @Test
    void anAdminCreatesAnLdDrF2fFlowThroughTheForm() {
        var org = org(CabinetRole.ADMIN);
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        var page = admin.get("/cabinet/flows/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Selfie attempts", "name=\"liveness_config.threshold\"", "min=\"0.5\"", "max=\"0.99\"",
                "name=\"doc_recognition_config.allowed_countries\"", "multiple", "name=\"digital_signature_config.trusted_ca_certificates\"");
        var created = admin.post("/cabinet/flows/new", form("kyc-web", "F2F", "3", "LD", "1", "DR", "2",
                "liveness_config.threshold", "0.9", "liveness_config.challenge", "blink", "face2face_config.threshold", "0.8",
                "flow_config.widget_allowed_origins", "https://shop.example\r\nhttps://app.example:8443"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        var id = UUID.fromString(created.location().replaceAll(".*/cabinet/flows/", ""));
        var flow = flows.get(org.id(), id);
        assertThat(flow.technologyIds()).containsExactlyElementsOf(data.ids(TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F));
        assertThat(flow.technologyConfigs().path("liveness_config").path("threshold").doubleValue()).isEqualTo(0.9);
        assertThat(flow.technologyConfigs().path("liveness_config").path("challenge").asString()).isEqualTo("blink");
        assertThat(flow.technologyConfigs().path("liveness_config").path("eye_open_check").booleanValue()).isTrue();
        assertThat(flow.flowConfig().path("widget_allowed_origins").toString()).isEqualTo("[\"https://shop.example\",\"https://app.example:8443\"]");
        var detail = admin.get(created.location());
        assertThat(detail.body()).contains("kyc-web", "Selfie attempts", "/api/v1/flows/session/create/", "&lt;flow api_key&gt;");
        assertThat(admin.get("/cabinet/flows").body()).contains("kyc-web", "LD → DR → F2F");
        assertThat(audit(org.id(), "flow_create")).contains(id.toString());
    }

    @Test
    void wrongValuesAreRefusedBesideTheirFieldsKeepingWhatWasTypedAndNothingIsStored() {
        var org = org(CabinetRole.ADMIN);
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        admin.get("/cabinet/flows/new");
        var refused = admin.post("/cabinet/flows/new", form("kyc-wrong", "LD", "1",
                "liveness_config.threshold", "2", "flow_config.session_ttl_minutes", "an hour",
                "flow_config.success_redirect_url", "not a url"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was saved", "liveness_config.threshold must be between 0.5 and 0.99",
                "flow_config.session_ttl_minutes must be an integer", "flow_config.success_redirect_url must be an absolute http(s) URL",
                "value=\"an hour\"", "value=\"kyc-wrong\"", "aria-invalid=\"true\"");
        // rules across technologies and fields are the service's, with its messages
        var order = admin.post("/cabinet/flows/new", form("kyc-order", "F2F", "1", "LD", "2"));
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.body()).contains("id=\"technologies-problem\"", "request_data.technology_ids");
        var device = admin.post("/cabinet/flows/new", form("kyc-device", "LD", "1", "flow_config.fingerprint_check", "true",
                "flow_config.show_qr", "true"));
        assertThat(device.body()).contains("flow_config.fingerprint_check: true keeps each session");
        var none = admin.post("/cabinet/flows/new", "name", "kyc-none");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("request_data.technology_ids");
        assertThat(flows.list(org.id(), 10, 0).count()).isZero();
    }

    @Test
    void aDigitalSignatureFlowIsBuiltHereWithItsAuthoritiesAndSignerRule() throws Exception {
        var org = org(CabinetRole.ADMIN);
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        admin.get("/cabinet/flows/new");
        String pem;
        try (var pki = new TestPki("cabinet test root")) {
            pem = pki.caPem();
        }
        var created = admin.post("/cabinet/flows/new", form("kyc-sign", "DSI", "1",
                "digital_signature_config.trusted_ca_certificates", pem.replace("\n", "\r\n"),
                "digital_signature_config.signer_identity", "SESSION_IIN",
                "digital_signature_config.signer_iin_metadata_key", "person_iin"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        var flow = flows.get(org.id(), UUID.fromString(created.location().replaceAll(".*/cabinet/flows/", "")));
        var config = flow.technologyConfigs().path("digital_signature_config");
        assertThat(config.path("trusted_ca_certificates").asString()).isEqualTo(pem.strip());
        assertThat(config.path("signer_identity").asString()).isEqualTo("SESSION_IIN");
        assertThat(admin.get(created.location()).body()).contains("BEGIN CERTIFICATE", "\\&quot;person_iin\\&quot;".replace("\\", ""));
    }

    @Test
    void anAdminEditsAFlowAndTheChangeIsAudited() {
        var org = org(CabinetRole.ADMIN);
        var flow = data.flow(org.id(), TechnologyCode.LD).flow();
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        var edit = admin.get("/cabinet/flows/" + flow.id() + "/edit");
        assertThat(edit.body()).contains("value=\"" + flow.name() + "\"", "checked");
        var refused = admin.post("/cabinet/flows/" + flow.id() + "/edit", form(flow.name(), "LD", "1", "liveness_config.max_attempts", "99"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("liveness_config.max_attempts must be between 1 and 10");
        var saved = admin.post("/cabinet/flows/" + flow.id() + "/edit", form("renamed-" + TestData.unique(), "LD", "1", "DR", "2",
                "F2F", "3", "liveness_config.max_attempts", "5"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var updated = flows.get(org.id(), flow.id());
        assertThat(updated.name()).startsWith("renamed-");
        assertThat(updated.technologyIds()).hasSize(3);
        assertThat(updated.technologyConfigs().path("liveness_config").path("max_attempts").intValue()).isEqualTo(5);
        assertThat(audit(org.id(), "flow_edit")).contains(flow.id().toString());
    }

    @Test
    void theFlowKeyIsShownAfterThePasswordAndAfterRotationTheOldOneFailsOnTheRuntimeApi() {
        var org = org(CabinetRole.ADMIN);
        var flow = data.flow(org.id(), TechnologyCode.LD);
        var oldKey = flow.apiKey();
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        var detail = admin.get("/cabinet/flows/" + flow.flow().id());
        assertThat(detail.body()).doesNotContain(oldKey);
        var wrong = admin.post("/cabinet/flows/" + flow.flow().id() + "/key/reveal", "password", "not the password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("not right").doesNotContain(oldKey);
        var shown = admin.post("/cabinet/flows/" + flow.flow().id() + "/key/reveal", "password", PASSWORD);
        assertThat(shown.body()).contains("value=\"" + oldKey + "\"", "&quot;api_key&quot;: &quot;" + oldKey);
        assertThat(admin.post("/cabinet/flows/" + flow.flow().id() + "/key/rotate", "password", PASSWORD, "confirm", "").status())
                .isEqualTo(400);
        assertThat(flows.apiKey(org.id(), flow.flow().id())).isEqualTo(oldKey);
        assertThat(createSession(oldKey)).isEqualTo(201); // and cached now: rotation must drop it
        var rotated = admin.post("/cabinet/flows/" + flow.flow().id() + "/key/rotate", "password", PASSWORD, "confirm", "ROTATE");
        var newKey = flows.apiKey(org.id(), flow.flow().id());
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.body()).contains(newKey).doesNotContain(oldKey);
        assertThat(createSession(oldKey)).isIn(401, 403);
        assertThat(createSession(newKey)).isEqualTo(201);
        var log = audit(org.id(), "flow_key_reveal") + audit(org.id(), "flow_key_rotation") + audit(org.id(), "flow_key_reveal_refused");
        assertThat(log).contains(flow.flow().id().toString()).doesNotContain(oldKey, newKey);
    }

    @Test
    void aViewerReadsFlowsButChangesNothingAndSeesNoKey() {
        var org = org(CabinetRole.VIEWER);
        var flow = data.flow(org.id(), TechnologyCode.LD).flow();
        var viewer = signedIn(org.emails().get(CabinetRole.VIEWER));
        assertThat(viewer.get("/cabinet/flows").body()).contains(flow.name()).doesNotContain("New flow");
        var detail = viewer.get("/cabinet/flows/" + flow.id());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).doesNotContain("Show key", "Edit this flow");
        assertThat(viewer.get("/cabinet/flows/new").status()).isEqualTo(403);
        assertThat(viewer.post("/cabinet/flows/new", form("viewer-flow", "LD", "1")).status()).isEqualTo(403);
        assertThat(viewer.post("/cabinet/flows/" + flow.id() + "/edit", form("viewer-edit", "LD", "1")).status()).isEqualTo(403);
        assertThat(viewer.post("/cabinet/flows/" + flow.id() + "/key/reveal", "password", PASSWORD).status()).isEqualTo(403);
        assertThat(flows.list(org.id(), 10, 0).count()).isEqualTo(1);
        assertThat(viewer.get("/cabinet/technologies").body()).contains("Liveness", "liveness_not_confirmed", "MCP refuses them");
    }

    @Test
    void oneOrganizationNeverReachesAnothersFlow() {
        var a = org(CabinetRole.ADMIN);
        var b = org(CabinetRole.ADMIN);
        var foreign = data.flow(b.id(), TechnologyCode.LD);
        var admin = signedIn(a.emails().get(CabinetRole.ADMIN));
        var path = "/cabinet/flows/" + foreign.flow().id();
        var page = admin.get(path);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(foreign.flow().name());
        assertThat(admin.get(path + "/edit").status()).isEqualTo(404);
        assertThat(admin.post(path + "/edit", form("stolen", "LD", "1")).status()).isEqualTo(404);
        assertThat(admin.post(path + "/key/reveal", "password", PASSWORD).body()).doesNotContain(foreign.apiKey());
        assertThat(admin.post(path + "/key/rotate", "password", PASSWORD, "confirm", "ROTATE").status()).isEqualTo(404);
        assertThat(flows.apiKey(b.id(), foreign.flow().id())).isEqualTo(foreign.apiKey());
        assertThat(admin.get("/cabinet/flows").body()).doesNotContain(foreign.flow().name());
        assertThat(admin.get("/cabinet/flows/not-a-flow").status()).isEqualTo(400);
    }

    @Test
    void labelsFollowLangOrAcceptLanguage() {
        var org = org(CabinetRole.ADMIN);
        var admin = signedIn(org.emails().get(CabinetRole.ADMIN));
        assertThat(admin.get("/cabinet/flows/new?lang=ru").body()).contains("Попытки селфи", "lang=\"ru\"");
        assertThat(admin.get("/cabinet/flows/new", "Accept-Language", "kk-KZ,ru;q=0.8").body()).contains("Селфи әрекеттері");
        assertThat(admin.get("/cabinet/flows/new?lang=en", "Accept-Language", "ru").body()).contains("Selfie attempts");
        assertThat(admin.get("/cabinet/flows/new", "Accept-Language", "not a language tag;;").status()).isEqualTo(200);
        assertThat(admin.get("/cabinet/flows/new?lang=kz").body()).contains("Селфи әрекеттері");
        assertThat(admin.get("/cabinet/technologies?lang=kk").body()).contains("Селфи әрекеттері");
        assertThat(admin.get("/cabinet/flows/new?lang=xx").body()).contains("Selfie attempts");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Form fields: name, then (code, step) pairs up to the first config input, then config inputs and values. */
    private String[] form(String name, String... rest) {
        var fields = new ArrayList<String>(List.of("name", name));
        int i = 0;
        while (i < rest.length && TechnologyCode.parse(rest[i]).isPresent()) {
            var technology = catalog.get(TechnologyCode.valueOf(rest[i]));
            fields.addAll(List.of("technologies", technology.id().toString(), "order." + rest[i], rest[i + 1]));
            i += 2;
        }
        fields.addAll(List.of(rest).subList(i, rest.length));
        // the checkboxes a browser sends for a default form: every boolean that defaults to true
        for (var schema : List.of(io.kycflow.flow.FlowConfigSchema.SCHEMA, catalog.get(TechnologyCode.LD).configSchema(),
                catalog.get(TechnologyCode.DR).configSchema(), catalog.get(TechnologyCode.F2F).configSchema())) {
            for (var field : schema.fields()) {
                var input = schema.name() + "." + field.name();
                if (Boolean.TRUE.equals(field.defaultValue()) && !fields.contains(input) && !input.equals("flow_config.show_qr")) {
                    fields.addAll(List.of(input, "true"));
                }
            }
        }
        return fields.toArray(String[]::new);
    }

    private int createSession(String key) {
        return http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + key + "\"}").status();
    }

    private String audit(UUID org, String action) {
        return String.join("\n", jdbc.sql("SELECT COALESCE(target, '') || ' ' || COALESCE(detail, '') FROM cabinet_audit "
                + "WHERE organization_id = ? AND action = ?").params(org, action).query(String.class).list());
    }

    /** A TEST organization with every technology, its owner and a member of {@code role}. */
    private Org org(CabinetRole role) {
        var org = data.org().organization();
        var emails = new EnumMap<CabinetRole, String>(CabinetRole.class);
        var ownerEmail = "owner-" + TestData.unique() + "@example.com";
        var owner = new CabinetClient(port);
        accept(owner, http.admin("POST", "/api/v1/admin/organizations/" + org.id() + "/owner-invitations",
                "{\"email\":\"" + ownerEmail + "\"}").json().path("invitation_url").asString());
        emails.put(CabinetRole.OWNER, ownerEmail);
        if (role != CabinetRole.OWNER) {
            var email = role.name().toLowerCase() + "-" + TestData.unique() + "@example.com";
            owner.get("/cabinet/members");
            var page = owner.post("/cabinet/members/invitations", "email", email, "role", role.name());
            accept(new CabinetClient(port), page.body().replaceAll("(?s).*id=\"link\" class=\"mono\" type=\"text\" readonly value=\"([^\"]+)\".*", "$1"));
            emails.put(role, email);
        }
        return new Org(org.id(), emails);
    }

    private static void accept(CabinetClient client, String link) {
        var path = URI.create(link).getRawPath();
        client.get(path);
        assertThat(client.post(path, "password", PASSWORD, "confirmation", PASSWORD).status()).isEqualTo(302);
    }

    private CabinetClient signedIn(String email) {
        var client = new CabinetClient(port);
        assertThat(client.login(email, PASSWORD)).endsWith("/cabinet/");
        return client;
    }
}
