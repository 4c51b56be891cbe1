package io.kycflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import io.kycflow.support.ChildJvm;
import io.kycflow.support.Http;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is killed (SIGKILL, no shutdown hook) right after acknowledging writes; the next start on the same
 * data directory has every one of them. H2 runs with a write delay of a minute and the session journal is never
 * checkpointed, so the store file holds none of the sessions: only the journal's replay and the flush of
 * read-write transactions can bring them back.
 */
class CrashDurabilityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everythingAcknowledgedBeforeAKillIsThereAfterTheNextStart(@TempDir Path dataDir) throws Exception {
        String orgId;
        String flowKey;
        var sessionIds = new ConcurrentLinkedQueue<String>();
        var first = Server.start(dataDir, "--kycflow.storage.journal-checkpoint=1h",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/kycflow") + ";WRITE_DELAY=60000");
        try {
            var org = first.http.admin("POST", "/api/v1/admin/organizations",
                    "{\"name\":\"Crash Bank\",\"status\":\"TEST\",\"technologies\":[\"LD\"]}");
            assertThat(org.status()).as(org.body()).isEqualTo(201);
            orgId = org.json().path("id").asString();
            flowKey = createFlow(first.port, org.json().path("api_key").asString());

            try (var clients = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 400; i++) {
                    clients.submit(() -> {
                        var created = first.http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flowKey + "\"}");
                        assertThat(created.status()).as(created.body()).isEqualTo(201);
                        sessionIds.add(created.json().path("session_id").asString());
                    });
                }
            }
        } finally {
            first.kill();
        }
        assertThat(sessionIds).hasSize(400);

        var second = Server.start(dataDir);
        try {
            var replayed = Pattern.compile("The sessions journal was replayed: (\\d+) row\\(s\\) restored").matcher(second.log());
            assertThat(replayed.find()).as(second.log()).isTrue();
            assertThat(Integer.parseInt(replayed.group(1))).as("sessions only the journal had").isPositive();

            assertThat(second.http.admin("GET", "/api/v1/admin/organizations/" + orgId, null).status()).isEqualTo(200);
            for (var id : sessionIds) {
                var light = second.http.get("/api/v1/flows/session/result/light/"
                        + Http.query("session_id", id, "flow_api_key", flowKey));
                assertThat(light.status()).as("session %s: %s", id, light.body()).isEqualTo(200);
                assertThat(light.json().path("status").asString()).isEqualTo("CREATED");
            }
            var next = second.http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flowKey + "\"}");
            assertThat(next.status()).as("the flow created over MCP survived too").isEqualTo(201);
        } finally {
            second.kill();
        }
    }

    private static String createFlow(int port, String orgKey) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp/")
                .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + orgKey))
                .build();
        try (var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            var technologies = JSON.valueToTree(client.callTool(new CallToolRequest("list_subscription_technologies",
                    Map.of())).structuredContent()).path("technologies");
            var ld = technologies.get(0).path("id").asString();
            JsonNode flow = JSON.valueToTree(client.callTool(new CallToolRequest("create_flow", Map.of("request_data",
                    Map.of("name", "crash-flow", "technology_ids", List.of(ld),
                            "technology_configs", Map.of("liveness_config", Map.of()))))).structuredContent());
            return flow.path("api_key").asString();
        }
    }

    /** The application in a child JVM on the test's class path, so that it can be killed outright. */
    private record Server(Process process, int port, Http http, Path logFile) {

        static Server start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var command = ChildJvm.command(port, dataDir, extraArgs);
            var logFile = Files.createTempFile("kycflow-crash-test", ".log");
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            var server = new Server(process, port, new Http(port), logFile);
            var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
            try (var client = HttpClient.newHttpClient()) {
                for (long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos(); ; Thread.sleep(100)) {
                    assertThat(process.isAlive()).as("the server exited: %s", server.log()).isTrue();
                    assertThat(System.nanoTime()).as("the server did not come up: %s", server.log()).isLessThan(deadline);
                    try {
                        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            return server;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                }
            }
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return e.toString();
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint, no store close
            process.waitFor();
        }
    }
}
