package io.kycflow.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.SessionService;
import io.kycflow.support.RawHttp;
import io.kycflow.support.RawHttp.Request;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated hostile requests ({@link HostileRequests}, one seed, reproducible) against a running
 * server over real HTTP. For each: no status of 500 or more (501 for a method HTTP does not define excepted), no
 * Java class name or stack frame in the answer. Throughout: the server stays healthy. After: no table gained or
 * lost a row, and the log has no ERROR line and no stack trace. Override the seed or the count with
 * {@code -Dfuzz.seed=…} / {@code -Dfuzz.cases=…} to explore; a failure prints the seed to replay it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.data-dir=target/test-data/fuzz-${random.uuid}",
        "kycflow.demo.enabled=false",
        "kycflow.admin-api-key=fuzz-admin-key-0123456789abcdef0123456789",
        "kycflow.mcp.rate-limit.requests-per-minute=1000000",
        "kycflow.remote.rate-limit.requests-per-minute=1000000",
        "kycflow.remote.rate-limit.reads-per-minute=1000000"})
class HostileRequestFuzzTests {

    private static final long DEFAULT_SEED = 0x6b7963666c6f77L;
    private static final int DEFAULT_CASES = 2500;
    private static final Pattern CLASS_NAME = Pattern.compile("(?<![\\w/.-])(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b[A-Z][A-Za-z]*Exception\\b|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by:|\\.java:\\d+");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("PROPFIND|FOO");

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

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void hostileRequestsGetClientErrorsInOurWordsAndChangeNothing(CapturedOutput output) throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        var http = new RawHttp(port, 3000);
        var targets = targets(http);
        var before = rowCounts();
        int logStart = output.getOut().length();

        var generator = new HostileRequests(seed, targets);
        var statuses = new TreeMap<Integer, Integer>();
        var failures = new ArrayList<String>();
        for (int i = 0; i < cases; i++) {
            var request = generator.next();
            try {
                var response = http.send(request);
                statuses.merge(response.status(), 1, Integer::sum);
                var problem = problem(request, response);
                if (problem != null && failures.size() < 20) {
                    failures.add("#" + i + " " + problem + "\n    request: " + request.describe()
                            + "\n    answer: " + abbreviate(response.text()));
                }
            } catch (java.net.SocketTimeoutException e) {
                // An MCP GET in a live session opens the server's event stream, which sends nothing until it has news.
                statuses.merge(-1, 1, Integer::sum);
                if (!(request.method().equals("GET") && request.target().startsWith("/mcp")) && failures.size() < 20) {
                    failures.add("#" + i + " no answer within 3 s\n    request: " + request.describe());
                }
            } catch (java.io.IOException | RuntimeException e) {
                statuses.merge(-1, 1, Integer::sum);
                if (failures.size() < 20) {
                    failures.add("#" + i + " no answer (" + e.getMessage() + ")\n    request: " + request.describe());
                }
            }
            if (i % 250 == 249) {
                assertThat(healthy(http)).as("healthy after case %d (seed %d)", i, seed).isTrue();
            }
        }
        System.out.printf("Hostile request fuzz: %d cases, seed %d, statuses %s (-1 = no answer: MCP GET event streams)%n", cases, seed, statuses);

        var log = output.getOut().substring(logStart) + output.getErr();
        var logged = log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                || INTERNALS.matcher(line).find()).limit(10).toList();
        assertThat(failures).as("seed %d: replay with -Dfuzz.seed=%d", seed, seed).isEmpty();
        assertThat(logged).as("ERROR lines or stack traces in the log").isEmpty();
        assertThat(healthy(http)).isTrue();
        assertThat(rowCounts()).as("row counts per table").isEqualTo(before);
    }

    private static String problem(Request request, RawHttp.Response response) {
        if (response.status() >= 500 && !(response.status() == 501 && UNDEFINED_METHOD.matcher(request.method()).matches())) {
            return "status " + response.status();
        }
        var className = CLASS_NAME.matcher(response.text());
        if (className.find()) {
            return "class name in the answer: " + className.group();
        }
        var internals = INTERNALS.matcher(response.text());
        if (internals.find()) {
            return "internals in the answer: " + internals.group();
        }
        var contentType = response.header("Content-Type");
        if (contentType != null && contentType.toLowerCase().contains("iso-8859-1")) {
            return "not UTF-8: " + contentType;
        }
        return null;
    }

    private HostileRequests.Targets targets(RawHttp http) throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F);
        var session = sessions.create(flow.flow(), null);
        var other = data.org();
        var mcpSessions = List.of(mcpSession(http, org.apiKey()), mcpSession(http, org.apiKey()), mcpSession(http, org.apiKey()));
        var tools = new ArrayList<HostileRequests.Tool>();
        var list = rpc(http, org.apiKey(), mcpSessions.getFirst(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        for (var tool : list.path("result").path("tools")) {
            tools.add(new HostileRequests.Tool(tool.path("name").asString(), tool.path("inputSchema"),
                    tool.path("annotations").path("readOnlyHint").asBoolean(false)));
        }
        assertThat(tools).hasSizeGreaterThanOrEqualTo(12);
        return new HostileRequests.Targets(org.apiKey(), flow.apiKey(), flow.flow().id(), session.id(), org.organization().id(),
                "fuzz-admin-key-0123456789abcdef0123456789", mcpSessions, mcpSession(http, other.apiKey()), tools,
                boundDevice(http, session.id()));
    }

    /** Binds the session to a browser (before the rows are counted) and returns that browser's cookie value. */
    private String boundDevice(RawHttp http, java.util.UUID sessionId) throws Exception {
        var started = http.send(new Request("POST", "/flow/" + sessionId + "/start", Map.of("X-Kycflow-Flow", "1"), new byte[0]));
        assertThat(started.status()).as("start answer %s", started).isEqualTo(200);
        var cookie = started.header("Set-Cookie");
        assertThat(cookie).startsWith("kycflow_device=");
        return cookie.substring("kycflow_device=".length(), cookie.indexOf(';'));
    }

    private String mcpSession(RawHttp http, String key) throws Exception {
        var response = http.send(new Request("POST", "/mcp/", mcpHeaders(key, null), ("{\"jsonrpc\":\"2.0\",\"id\":0,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}").getBytes(StandardCharsets.UTF_8)));
        var id = response.header("Mcp-Session-Id");
        assertThat(id).as("initialize answer %s", response).isNotNull();
        var initialized = http.send(new Request("POST", "/mcp/", mcpHeaders(key, id),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(initialized.status()).isEqualTo(202);
        return id;
    }

    private JsonNode rpc(RawHttp http, String key, String session, String message) throws Exception {
        var response = http.send(new Request("POST", "/mcp/", mcpHeaders(key, session), message.getBytes(StandardCharsets.UTF_8)));
        var data = response.text().lines().filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
        return json.readTree(data.substring(5));
    }

    private static Map<String, String> mcpHeaders(String key, String session) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Bearer " + key);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        if (session != null) {
            headers.put("Mcp-Session-Id", session);
            headers.put("MCP-Protocol-Version", "2025-11-25");
        }
        return headers;
    }

    private boolean healthy(RawHttp http) {
        try {
            var response = http.send(new Request("GET", "/actuator/health", Map.of(), new byte[0]));
            return response.status() == 200 && response.text().contains("\"UP\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Rows per table of the application's schema (Flyway's history included). */
    private Map<String, Long> rowCounts() {
        var counts = new TreeMap<String, Long>();
        for (var table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
                + "and table_type = 'BASE TABLE'").query(String.class).list()) {
            counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
        }
        assertThat(counts).isNotEmpty();
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
