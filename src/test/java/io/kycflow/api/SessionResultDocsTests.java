package io.kycflow.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowService;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.SessionViews;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST docs of the light and full results (docs/api/) are generated from the same schemas the MCP tools
 * advertise, which come from the result records and each technology's declared result block; and what the REST API
 * returns validates against the committed docs. A change of a declaration regenerates the docs here, and this test
 * fails until the regenerated files are committed.
 */
@IntegrationTest
class SessionResultDocsTests {

    private static final Path DOCS = Path.of("docs", "api");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)))
            .build();

    @LocalServerPort
    int port;
    @Autowired
    SessionViews views;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommittedDocsAreTheOnesGeneratedFromTheDeclarations() throws Exception {
        var generated = new LinkedHashMap<String, String>();
        generated.put("session-results.md", new SessionResultDocs(views, catalog).markdown());
        generated.put("light-result.schema.json", schemaFile(SessionViews.Shape.LIGHT, "Light session result",
                "GET /api/v1/flows/session/result/light/"));
        generated.put("full-result.schema.json", schemaFile(SessionViews.Shape.FULL, "Full session result",
                "GET /api/v1/flows/session/result/"));

        var stale = new ArrayList<String>();
        Files.createDirectories(DOCS);
        for (var file : generated.entrySet()) {
            var path = DOCS.resolve(file.getKey());
            if (!Files.exists(path) || !Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                stale.add(path.toString());
            }
        }
        assertThat(stale).as("out of date, now regenerated: review and commit them").isEmpty();
        assertThat(generated.get("session-results.md")).contains("`liveness_result`", "`prediction`", "`mask_attack`",
                "`flow_session_failure_reasons`", "`digital_signature_result`: `DSI`");
    }

    @Test
    void restResultsOfEverySessionStateValidateAgainstTheCommittedSchemas() throws Exception {
        var light = committed("light-result.schema.json");
        var full = committed("full-result.schema.json");
        var http = new Http(port);
        var data = new TestData(organizations, flows, catalog);
        var orgId = data.org().organization().id();
        var checked = 0;
        for (var flow : List.of(data.flow(orgId, LD, DR, F2F), data.flow(orgId, ED, LD, F2F), data.flow(orgId, DSI))) {
            var sessions = new ArrayList<String>();
            for (var outcome : new String[] {null, "passed", "failed"}) {
                var session = create(http, flow);
                if (outcome != null) {
                    var completed = http.postJson("/api/v1/sandbox/session/complete/", "{\"api_key\":\"" + flow.apiKey()
                            + "\",\"session_id\":\"" + session + "\",\"outcome\":\"" + outcome + "\"}");
                    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
                }
                sessions.add(session);
            }
            var expired = create(http, flow);
            jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?").params(OffsetDateTime.now().minusMinutes(1),
                    UUID.fromString(expired)).update();
            sessions.add(expired);
            for (var session : sessions) {
                var query = Http.query("session_id", session, "flow_api_key", flow.apiKey());
                assertValid(light, http.get("/api/v1/flows/session/result/light/" + query).json(), "light " + session);
                assertValid(full, http.get("/api/v1/flows/session/result/" + query).json(), "full " + session);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }

    private String schemaFile(SessionViews.Shape shape, String title, String endpoint) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", title);
        schema.put("description", endpoint + " (generated from the result records and each technology's declared result "
                + "block; see session-results.md)");
        schema.putAll(views.schema(shape));
        return PRETTY.writeValueAsString(schema) + "\n";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> committed(String file) throws Exception {
        return JsonMapper.shared().readValue(Files.readString(DOCS.resolve(file)), Map.class);
    }

    private static void assertValid(Map<String, Object> schema, JsonNode result, String what) {
        var validation = new DefaultJsonSchemaValidator().validate(schema, JsonMapper.shared().convertValue(result, Map.class));
        assertThat(validation.valid()).as("%s does not match the documented schema: %s\n%s", what, validation.errorMessage(),
                result).isTrue();
    }

    private static String create(Http http, IssuedFlow flow) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }
}
