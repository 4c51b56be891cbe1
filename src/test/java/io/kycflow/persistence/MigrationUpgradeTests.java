package io.kycflow.persistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.security.ApiKeys;
import io.kycflow.security.MasterKey;
import io.kycflow.security.StoredApiKeys;
import io.kycflow.session.Session;
import io.kycflow.session.SessionSearch;
import io.kycflow.session.internal.V6__Session_steps_column;
import io.kycflow.support.EmbeddedPostgresSupport;
import io.kycflow.support.Http;
import io.kycflow.support.StandaloneApp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database written by an earlier release is upgraded in place, on each supported database: a session created
 * before V3 (step rows written at creation) and one created under V3–V5 (a plan until its first attempt) both come
 * out with their steps in the session's own row, their attempts keep their technology, and the rebuilt tables are
 * referenced again by their children; organization and flow keys stored in plain text before V8 are sealed by the
 * application's start, and keep working.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationUpgradeTests {

    private static final UUID LD = UUID.fromString("9ed130f5-7ccb-5b51-84d8-f4d159e2732c");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sessionsWrittenByEarlierReleasesSurviveTheUpgrade(String database) throws Exception {
        var dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:file:" + Files.createTempDirectory("kycflow-upgrade").resolve("db"), "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresSupport.newDatabase(), "postgres", "");
        Flyway.configure().dataSource(dataSource).target("2").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        var org = UUID.randomUUID();
        var flow = UUID.randomUUID();
        var session = UUID.randomUUID();
        var now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO organization VALUES (?, 'Acme', 'TEST', 'k', ?, ?, ?)").params(org, "a".repeat(64), now, now).update();
        jdbc.sql("INSERT INTO flow VALUES (?, ?, 'f', 'F', '{}', '{}', 'fk', ?, ?, ?)").params(flow, org, "b".repeat(64), now, now).update();
        jdbc.sql("""
                INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox, metadata, created_at, expires_at, updated_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', TRUE, '{"user_id":"u-1"}', ?, ?, ?)""").params(session, flow, org, now, now, now).update();
        jdbc.sql("""
                INSERT INTO session_step (session_id, position, technology_id, status, attempts, max_attempts, result,
                    failure_type, failure_detail, started_at) VALUES (?, 0, ?, 'IN_PROGRESS', 1, 3, '{"result":false}',
                    'eye_closed', 'Eyes closed.', ?)""").params(session, LD, now).update();
        jdbc.sql("""
                INSERT INTO step_attempt (session_id, position, attempt_no, passed, result, failure_type, created_at)
                VALUES (?, 0, 1, FALSE, '{"result":false}', 'eye_closed', ?)""").params(session, now).update();

        Flyway.configure().dataSource(dataSource).target("5").load().migrate();
        var planned = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox, steps_plan, created_at, expires_at,
                    updated_at) VALUES (?, ?, ?, 'CREATED', TRUE, 'LD:3,DR:2', ?, ?, ?)""")
                .params(planned, flow, org, now, now, now).update();

        Flyway.configure().dataSource(dataSource).javaMigrations(new V6__Session_steps_column()).target("7").load().migrate();

        assertThat(jdbc.sql("SELECT status, metadata FROM flow_session WHERE id = ?").param(session)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single())
                .isEqualTo("IN_PROGRESS {\"user_id\":\"u-1\"}");
        var steps = JSON.readTree(jdbc.sql("SELECT steps FROM flow_session WHERE id = ?").param(session).query(String.class).single());
        assertThat(steps.size()).isEqualTo(1);
        assertThat(steps.get(0).path("technology").asString()).isEqualTo("LD");
        assertThat(steps.get(0).path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(steps.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(steps.get(0).path("max_attempts").asInt()).isEqualTo(3);
        assertThat(steps.get(0).path("failure_type").asString()).isEqualTo("eye_closed");
        assertThat(steps.get(0).path("result").path("result").asBoolean(true)).isFalse();
        var plan = JSON.readTree(jdbc.sql("SELECT steps FROM flow_session WHERE id = ?").param(planned).query(String.class).single());
        assertThat(plan.findValuesAsString("technology")).containsExactly("LD", "DR");
        assertThat(plan.findValues("max_attempts")).extracting(node -> node.asInt()).containsExactly(3, 2);
        assertThat(plan.findValuesAsString("status")).containsOnly("PENDING");
        assertThat(jdbc.sql("SELECT technology FROM step_attempt WHERE session_id = ?").param(session).query(String.class).single())
                .isEqualTo("LD");
        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM session_step").query(Long.class).single())
                .as("the step rows are gone").isNotNull();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO step_attempt (session_id, position, technology, attempt_no, passed,"
                + " created_at) VALUES (?, 0, 'LD', 1, TRUE, ?)").params(UUID.randomUUID(), now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("step_attempt_session_fk"));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO review (id, session_id, organization_id, type, author, created_at)"
                + " VALUES (?, ?, ?, 'MESSAGE', 'a', ?)").params(UUID.randomUUID(), UUID.randomUUID(), org, now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("review_session_fk"));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox,"
                + " steps, created_at, expires_at, updated_at) VALUES (?, ?, ?, 'NOPE', TRUE, '[]', ?, ?, ?)")
                .params(UUID.randomUUID(), flow, org, now, now, now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("flow_session_status_ck"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void plainApiKeysStoredBeforeV8AreSealedAtStartAndKeepWorking(String database, @TempDir Path dataDir,
                                                                   CapturedOutput output) throws Exception {
        var url = database.equals("h2")
                ? "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("kycflow")
                : EmbeddedPostgresSupport.newDatabase();
        var user = database.equals("h2") ? "kycflow" : "postgres"; // the embedded default's user (application.yml)
        var dataSource = new DriverManagerDataSource(url, user, "");
        migrateToJustBefore("8", dataSource); // the last schema with plain keys
        var jdbc = JdbcClient.create(dataSource);
        var org = UUID.randomUUID();
        var flow = UUID.randomUUID();
        var orgKey = ApiKeys.generate();
        var flowKey = ApiKeys.generate();
        var now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO organization (id, name, status, api_key, api_key_hash, created_at, updated_at)"
                + " VALUES (?, 'Acme', 'TEST', ?, ?, ?, ?)").params(org, orgKey, ApiKeys.lookupHash(orgKey), now, now).update();
        jdbc.sql("INSERT INTO subscription (organization_id, technology_id, created_at) VALUES (?, ?, ?)").params(org, LD, now).update();
        jdbc.sql("INSERT INTO flow (id, organization_id, name, display_name, flow_config, technology_configs, api_key,"
                + " api_key_hash, created_at, updated_at) VALUES (?, ?, 'kyc', 'KYC', ?, ?, ?, ?, ?, ?)")
                .params(flow, org, FLOW_CONFIG, "{\"liveness_config\":{\"max_attempts\":3,\"eye_open_check\":true,"
                        + "\"mask_attack_check_required\":false,\"challenge\":\"random\",\"threshold\":0.8}}",
                        flowKey, ApiKeys.lookupHash(flowKey), now, now).update();
        jdbc.sql("INSERT INTO flow_technology (flow_id, position, technology_id) VALUES (?, 0, ?)").params(flow, LD).update();

        var args = new ArrayList<>(List.of("--kycflow.admin-api-key=" + Http.ADMIN_KEY));
        if (database.equals("postgresql")) {
            args.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                    "--kycflow.master-key=" + EmbeddedPostgresSupport.MASTER_KEY));
        }
        try (var app = StandaloneApp.start(dataDir, args.toArray(String[]::new))) {
            var masterKey = app.bean(MasterKey.class);
            var organizations = app.bean(OrganizationService.class);
            var flows = app.bean(FlowService.class);

            var columns = jdbc.sql("SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = ?")
                    .param("organization").query(String.class).list();
            assertThat(columns).contains("api_key_sealed", "api_key_hash").doesNotContain("api_key");
            var sealedOrgKey = jdbc.sql("SELECT api_key_sealed FROM organization WHERE id = ?").param(org)
                    .query((rs, n) -> rs.getBytes(1)).single();
            var sealedFlowKey = jdbc.sql("SELECT api_key_sealed FROM flow WHERE id = ?").param(flow)
                    .query((rs, n) -> rs.getBytes(1)).single();
            assertThat(new String(sealedOrgKey, StandardCharsets.ISO_8859_1)).doesNotContain(orgKey);
            assertThat(new String(sealedFlowKey, StandardCharsets.ISO_8859_1)).doesNotContain(flowKey);
            assertThat(StoredApiKeys.of(masterKey, StoredApiKeys.Owner.ORGANIZATION).open(org, sealedOrgKey)).isEqualTo(orgKey);
            assertThat(StoredApiKeys.of(masterKey, StoredApiKeys.Owner.FLOW).open(flow, sealedFlowKey)).isEqualTo(flowKey);

            // Lookups (by hash) and every place the keys are shown work as before the upgrade.
            assertThat(organizations.authenticate(orgKey).orElseThrow().id()).isEqualTo(org);
            assertThat(flows.findByApiKey(flowKey).orElseThrow().id()).isEqualTo(flow);
            assertThat(app.http().admin("GET", "/api/v1/admin/organizations/" + org, null).json().path("api_key").asString())
                    .isEqualTo(orgKey);
            assertThat(app.http().postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flowKey + "\"}").status())
                    .isEqualTo(201);
            var port = app.context().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            var client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp/")
                            .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + orgKey))
                            .build())
                    .requestTimeout(Duration.ofSeconds(30)).build();
            try {
                client.initialize();
                var result = client.callTool(new McpSchema.CallToolRequest("get_flow", Map.of("flow_id", flow.toString())));
                assertThat(result.isError()).as("%s", result.content()).isNotEqualTo(Boolean.TRUE);
                assertThat(result.structuredContent()).isInstanceOfSatisfying(Map.class,
                        flowView -> assertThat(flowView.get("api_key")).isEqualTo(flowKey));
            } finally {
                client.closeGracefully();
            }
        }
        assertThat(output.getOut()).contains("Sealed the stored API keys of 1 organizations and 1 flows under master key");
        assertThat(output.toString()).as("no key reaches the log").doesNotContain(orgKey).doesNotContain(flowKey);
    }

    /** V27: sessions stored before it get their metadata's hashed values at the start, and are found by them. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void metadataOfSessionsStoredBeforeV27IsIndexedAtStart(String database, @TempDir Path dataDir, CapturedOutput output) {
        var url = database.equals("h2")
                ? "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("kycflow")
                : EmbeddedPostgresSupport.newDatabase();
        var args = new ArrayList<String>();
        if (database.equals("postgresql")) {
            args.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                    "--kycflow.master-key=" + EmbeddedPostgresSupport.MASTER_KEY));
        }
        var dataSource = new DriverManagerDataSource(url, database.equals("h2") ? "kycflow" : "postgres", "");
        // the application's own start up to the schema before V27 (its Java migrations need its beans), then stopped
        var before = new ArrayList<>(args);
        before.add("--spring.flyway.target=" + versionJustBefore("27", dataSource));
        StandaloneApp.start(dataDir, before.toArray(String[]::new)).close();
        var jdbc = JdbcClient.create(dataSource);
        var value = "user-" + UUID.randomUUID();
        var mine = UUID.randomUUID();
        var theirs = UUID.randomUUID();
        var org = UUID.randomUUID();
        var otherOrg = UUID.randomUUID();
        var now = OffsetDateTime.now();
        for (var row : List.of(List.of(mine, org, "{\"customer\":{\"id\":\"" + value + "\"},\"tier\":3}"),
                List.of(theirs, otherOrg, "{\"user_id\":\"" + value + "\"}"), List.of(UUID.randomUUID(), org, "{}"))) {
            jdbc.sql("INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox, metadata, steps, created_at,"
                    + " expires_at, updated_at) VALUES (?, ?, ?, 'CREATED', TRUE, ?, '[]', ?, ?, ?)")
                    .params(row.get(0), UUID.randomUUID(), row.get(1), row.get(2), now, now, now).update();
        }
        try (var app = StandaloneApp.start(dataDir, args.toArray(String[]::new))) {
            var search = app.bean(SessionSearch.class);
            assertThat(search.page(org, new SessionSearch.Filter(null, null, null, null, value, null), 10).sessions())
                    .extracting(Session::id).containsExactly(mine);
            assertThat(search.page(org, new SessionSearch.Filter(null, null, null, null, "3", null), 10).sessions())
                    .extracting(Session::id).containsExactly(mine);
            assertThat(search.page(otherOrg, new SessionSearch.Filter(null, null, null, null, value, null), 10).sessions())
                    .extracting(Session::id).containsExactly(theirs);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session_metadata").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT * FROM session_metadata").query((rs, n) -> rs.getMetaData().getColumnCount()).list())
                .as("a hash and a session id per row, no value").containsOnly(2);
        assertThat(output.getAll()).contains("Indexed the metadata of 3 stored sessions (3 hashed values)").doesNotContain(value);
    }

    private static String versionJustBefore(String version, DataSource dataSource) {
        var limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure().dataSource(dataSource).load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(limit) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    /**
     * Applies the migrations older than {@code version} (whatever releases the branch holds below it), V6 included:
     * it is a Java migration, which Flyway finds only when handed it (the application hands it its beans).
     */
    private static void migrateToJustBefore(String version, DataSource dataSource) {
        var limit = MigrationVersion.fromVersion(version);
        var flyway = Flyway.configure().dataSource(dataSource).javaMigrations(new V6__Session_steps_column());
        var last = Arrays.stream(flyway.load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(limit) < 0).max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(dataSource).javaMigrations(new V6__Session_steps_column()).target(last).load().migrate();
    }

    private static final String FLOW_CONFIG = """
            {"success_redirect_url":null,"failure_redirect_url":null,"show_qr":true,"always_mobile":false,\
            "fingerprint_check":false,"session_ttl_minutes":60,"locale":"en"}""";
}
