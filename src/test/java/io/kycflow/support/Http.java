package io.kycflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw HTTP/1.1 client for tests: we choose the exact bytes, content type and headers a client sends and see
 * exactly what the server answers (no Spring client in between that would fix up a bad request).
 */
public final class Http {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    public static final String JSON = "application/json";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, BodyPublishers.noBody(), headers);
    }

    public Response postJson(String path, String json, String... headers) {
        return send("POST", path, JSON, BodyPublishers.ofString(json), headers);
    }

    public Response admin(String method, String path, @Nullable String json) {
        return send(method, path, json == null ? null : JSON,
                json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json), "X-Admin-API-Key", ADMIN_KEY);
    }

    public Response send(String method, String path, @Nullable String contentType,
                         BodyPublisher body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ?a=1&b=2} with each value URL-encoded. */
    public static String query(String... pairs) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return "?" + String.join("&", parts);
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** Asserts an RFC 9457 problem with our stable code, and that no internals leak into it. */
        public JsonNode assertProblem(int expectedStatus, String expectedCode) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType()).startsWith("application/problem+json");
            var problem = json();
            assertThat(problem.path("code").asString()).as(body).isEqualTo(expectedCode);
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("detail").asString()).isNotBlank();
            assertThat(problem.has("trace")).isFalse();
            assertThat(body).doesNotContain("Exception", "\tat ", "at io.kycflow", "at org.springframework");
            return problem;
        }

        public List<String> strings(String field) {
            var values = new ArrayList<String>();
            json().path(field).forEach(node -> values.add(node.asString()));
            return values;
        }
    }
}
