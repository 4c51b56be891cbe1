package io.kycflow.docs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's one Node.js snippet run as the customer's backend would run it: on a free port, with the server's URL
 * and the flow key in its environment (as the documents tell the reader to set them); stopped on close.
 */
final class NodeSnippet implements AutoCloseable {

    private static final Path NODE = Path.of("/usr/bin/node");

    /** The snippet's own base URL. */
    final String url;
    private final Process process;

    private NodeSnippet(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    /** Skips the calling test when node is missing, unless in CI (then it fails). */
    static NodeSnippet start(String document, String name, int serverPort, String flowKey) throws IOException {
        if (!Files.isExecutable(NODE)) {
            assertThat(System.getenv("CI")).as("node is required in CI").isNotEqualToIgnoringCase("true");
            Assumptions.abort("node is not installed: the Node.js snippet of " + document + " is not run");
        }
        var snippets = DocSnippets.of(document, "js");
        assertThat(snippets).hasSize(1);
        var file = Path.of("target", "doc-snippets", name + ".mjs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, snippets.getFirst());
        int appPort;
        try (var socket = new ServerSocket(0)) {
            appPort = socket.getLocalPort();
        }
        var builder = new ProcessBuilder(NODE.toString(), file.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(file.resolveSibling(name + ".log").toFile());
        builder.environment().putAll(Map.of("KYCFLOW_URL", "http://localhost:" + serverPort, "FLOW_API_KEY", flowKey,
                "PORT", Integer.toString(appPort)));
        return new NodeSnippet("http://localhost:" + appPort, builder.start());
    }

    /** The first answer to an empty POST to {@code path}, waiting up to ~10 s for the snippet to listen. */
    HttpResponse<String> postWhenUp(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = null;
        for (int i = 0; i < 100 && answer == null; i++) {
            try {
                answer = client.send(HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(answer).as("the Node.js backend answered").isNotNull();
        return answer;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
