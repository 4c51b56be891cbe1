package io.kycflow.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import io.kycflow.support.RawHttp.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.fuzz.Junk.NODES;

/**
 * Generates hostile requests from one seed: malformed query strings and paths on every endpoint, odd methods and
 * content types, broken bodies for the REST runtime, admin and sandbox APIs, and for {@code /mcp} every JSON-RPC
 * shape, every method's params, every tool's arguments and the transport headers. No request it makes can change
 * anything when the server is right: every state-changing request carries at least one flaw (a wrong key, an
 * unknown id, an invalid field, a capture that is no image). The end user's {@code /flow/} API is aimed at a session
 * bound to a browser whose cookie the generator holds.
 */
final class HostileRequests {

    /** What the requests aim at: real keys and ids, so that the flaws are reached past authentication. */
    record Targets(String orgKey, String flowKey, UUID flowId, UUID sessionId, UUID orgId, String adminKey,
                   List<String> mcpSessions, String foreignMcpSession, List<Tool> tools, String deviceCookie) {
    }

    record Tool(String name, JsonNode inputSchema, boolean readOnly) {
    }

    private static final List<String> PATHS = List.of("/api/v1/ping/", "/api/v1/flows/session/create/",
            "/api/v1/flows/session/result/light/", "/api/v1/flows/session/result/", "/api/v1/sandbox/session/complete/",
            "/api/v1/admin/organizations", "/actuator/health", "/actuator/health/liveness", "/mcp/", "/mcp", "/error",
            "/flow/00000000-0000-7000-8000-000000000000", "/flow/00000000-0000-7000-8000-000000000000/progress",
            "/flow/00000000-0000-7000-8000-000000000000/captures", "/flow/00000000-0000-7000-8000-000000000000/claim",
            "/media/00000000-0000-7000-8000-000000000000", "/");
    private static final List<String> ODD_PATHS = List.of("//api//v1//ping/", "/api/v1/ping/..;/..;/mcp",
            "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/%2Fping%2F", "/mcp/%00", "/mcp/..%2f", "/api/v1/ping/;jsessionid=1",
            "/actuator/../actuator/env", "/actuator/env", "/actuator/heapdump", "/\u00e9", "/%C0%AE%C0%AE/",
            "/api/v1/admin/organizations/not-a-uuid", "/api/v1/admin/organizations/%ZZ", "/mcp/sse", "/mcp/message",
            "/api/v1/flows/session/create/%", "/" + "a/".repeat(400), "/api/v1/ping/?", "/favicon.ico", "/index.html");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "TRACE", "PROPFIND", "FOO");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1", "application/json; charset=nope", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=xyz",
            "application/xml", "*/*", "application/problem+json", ";;;", "application/json; boundary=\"");
    private static final List<String> MCP_METHODS = List.of("initialize", "ping", "tools/list", "tools/call",
            "resources/list", "resources/templates/list", "resources/read", "resources/subscribe",
            "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel",
            "notifications/initialized", "notifications/cancelled", "notifications/progress",
            "notifications/roots/list_changed", "sampling/createMessage", "elicitation/create", "roots/list", "", "x");
    private static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26",
            "2024-11-05", "", "latest", "2025-11-25, 2025-06-18");

    private static final List<String> STATUSES = List.of("TEST", "DEMO", "PRODUCTION", "test", "demo", "production");

    private final Junk junk;
    private final Targets targets;

    HostileRequests(long seed, Targets targets) {
        this.junk = new Junk(new SplittableRandom(seed));
        this.targets = targets;
    }

    Request next() {
        int family = junk.between(0, 99);
        if (family < 15) {
            return badQuery();
        }
        if (family < 25) {
            return oddPathOrMethod();
        }
        if (family < 45) {
            return restBody();
        }
        if (family < 50) {
            return admin();
        }
        if (family < 60) {
            return flow();
        }
        if (family < 78) {
            return mcpEnvelope();
        }
        return mcpToolCall();
    }

    private Request badQuery() {
        var path = junk.pick(PATHS);
        var headers = junk.chance(0.5) ? mcpHeaders() : Map.<String, String>of();
        return new Request(junk.chance(0.8) ? "GET" : "POST", path + "?" + junk.badQuery(), headers, new byte[0]);
    }

    private Request oddPathOrMethod() {
        var path = junk.chance(0.6) ? junk.pick(ODD_PATHS) : junk.pick(PATHS);
        var headers = new LinkedHashMap<String, String>();
        if (junk.chance(0.5)) {
            headers.put("Content-Type", junk.pick(CONTENT_TYPES));
        }
        if (junk.chance(0.3)) {
            headers.putAll(mcpHeaders());
        }
        return new Request(junk.pick(METHODS), path, headers, junk.chance(0.5) ? junk.brokenBody() : new byte[0]);
    }

    /** The customer-facing REST API: a flow key never meets a body that could create or complete anything. */
    private Request restBody() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", junk.chance(0.6) ? "application/json" : junk.pick(CONTENT_TYPES));
        if (junk.chance(0.3)) {
            headers.put("Accept", junk.pick(List.of("text/html", "application/xml", "*/*", "application/json", "")));
        }
        return switch (junk.between(0, 3)) {
            case 0 -> {
                // create: a real key with a flawed body, or any body with a wrong key
                var body = NODES.objectNode();
                body.put("api_key", junk.chance(0.5) ? targets.flowKey() : junk.string());
                body.set("metadata", junk.value(2));
                poison(body, targets.flowKey());
                yield post("/api/v1/flows/session/create/", headers, body);
            }
            case 1 -> {
                var body = NODES.objectNode();
                body.put("api_key", junk.chance(0.5) ? targets.flowKey() : junk.string());
                body.put("session_id", junk.chance(0.5) ? targets.sessionId().toString() : junk.string());
                body.set("outcome", junk.chance(0.5) ? NODES.stringNode(junk.pick(List.of("maybe", "PASSED", "", "pass")))
                        : junk.valueOtherThan(List.of("passed", "failed"), 1));
                yield post("/api/v1/sandbox/session/complete/", headers, body);
            }
            case 2 -> new Request("GET", junk.pick(List.of("/api/v1/flows/session/result/light/", "/api/v1/flows/session/result/"))
                    + "?session_id="
                    + encode(junk.chance(0.5) ? targets.sessionId().toString() : junk.string()) + "&flow_api_key="
                    + encode(junk.chance(0.5) ? targets.flowKey() : junk.string()), headers, new byte[0]);
            default -> new Request(junk.pick(List.of("POST", "PUT", "PATCH")), junk.pick(PATHS), headers, junk.brokenBody());
        };
    }

    /** The operator's API: with the real admin key only bodies or ids that must be refused. */
    private Request admin() {
        var headers = new LinkedHashMap<String, String>();
        var key = junk.chance(0.6) ? targets.adminKey() : junk.string();
        if (junk.chance(0.5)) {
            headers.put("X-Admin-API-Key", key);
        } else {
            headers.put("Authorization", "Bearer " + key);
        }
        headers.put("Content-Type", junk.chance(0.7) ? "application/json" : junk.pick(CONTENT_TYPES));
        var base = "/api/v1/admin/organizations";
        var someId = junk.chance(0.5) ? junk.uuid().toString() : junk.pick(List.of("x", "%ZZ", "1", "..", "%20"));
        return switch (junk.between(0, 5)) {
            case 0 -> {
                var body = junk.object(2);
                body.set("technologies", junk.chance(0.5) ? junk.array(1) : NODES.arrayNode().add("NOPE"));
                body.set("status", NODES.stringNode(junk.pick(List.of("BOGUS", "", "test"))));
                yield post(base, headers, body);
            }
            case 1 -> new Request("PATCH", base + "/" + (junk.chance(0.5) ? targets.orgId() : someId), headers,
                    bytes(NODES.objectNode().set("status", junk.chance(0.5) ? NODES.stringNode("BOGUS") : junk.valueOtherThan(STATUSES, 1))));
            case 2 -> new Request("POST", base + "/" + someId + "/api-key", headers, new byte[0]);
            case 3 -> new Request(junk.pick(List.of("PUT", "DELETE")), base + "/" + (junk.chance(0.5) ? targets.orgId() : someId)
                    + "/subscriptions/" + junk.pick(List.of("XX", "%ZZ", "DSX", "LD%00", "L%20D")), headers, new byte[0]);
            case 4 -> new Request("GET", base + "/" + someId, headers, new byte[0]);
            default -> new Request(junk.pick(METHODS), base + junk.pick(List.of("", "/", "/x/y/z")), headers, junk.brokenBody());
        };
    }

    /**
     * The end user's browser API on the session bound to {@code targets.deviceCookie()}: with that cookie only what
     * cannot change anything (start and claim are no-ops for the bound browser, progress reads, captures always carry
     * a flaw: no image in them is a valid capture); hand-offs never with it (a new code would replace the old).
     */
    private Request flow() {
        var headers = new LinkedHashMap<String, String>();
        if (junk.chance(0.85)) {
            headers.put("X-Kycflow-Flow", junk.chance(0.85) ? "1" : junk.pick(List.of("0", "", "true", "11", "1, 1")));
        }
        if (junk.chance(0.3)) {
            headers.put("Origin", junk.pick(List.of("http://localhost", "https://evil.example", "null", "http://127.0.0.1:1",
                    "::", "http://user@localhost", "file://", "http://" + "a".repeat(300))));
        }
        var operation = junk.between(0, 5);
        if (junk.chance(0.6) && operation != 2) {
            headers.put("Cookie", "kycflow_device=" + targets.deviceCookie() + (junk.chance(0.2) ? "; kycflow_device=x" : ""));
        } else if (junk.chance(0.4)) {
            headers.put("Cookie", junk.pick(List.of("kycflow_device=" + "A".repeat(43), "kycflow_device=", "kycflow_device=%ZZ",
                    "kycflow_device=" + junk.string(), "=;;=", "kycflow_device=\"a b\"")));
        }
        var id = junk.chance(0.75) ? targets.sessionId().toString()
                : junk.pick(List.of(junk.uuid().toString(), "x", "%ZZ", "1-1-1-1-1", "", "..", "%2e%2e"));
        var base = "/flow/" + id;
        return switch (operation) {
            case 0 -> new Request(junk.chance(0.9) ? "POST" : junk.pick(METHODS), base + "/start", headers,
                    junk.chance(0.3) ? junk.brokenBody() : new byte[0]);
            case 1 -> new Request(junk.chance(0.9) ? "GET" : junk.pick(METHODS), base + "/progress"
                    + (junk.chance(0.3) ? "?" + junk.badQuery() : ""), headers, new byte[0]);
            case 2 -> new Request("POST", base + "/handoff", headers, junk.chance(0.3) ? junk.brokenBody() : new byte[0]);
            case 3 -> {
                headers.put("Content-Type", junk.chance(0.7) ? "application/json" : junk.pick(CONTENT_TYPES));
                var body = junk.chance(0.6) ? NODES.objectNode().set("handoff_token", junk.chance(0.5)
                        ? NODES.stringNode(junk.pick(List.of("A".repeat(43), "", "x".repeat(5000), junk.string()))) : junk.value(1))
                        : junk.value(2);
                yield new Request("POST", base + "/claim", headers, junk.chance(0.2) ? junk.brokenBody() : bytes(body));
            }
            default -> captures(base, headers);
        };
    }

    /** A capture request with at least one flaw: no part is ever an image of acceptable size and dimensions. */
    private Request captures(String base, Map<String, String> headers) {
        var boundary = "fuzz" + junk.between(0, 1_000_000);
        headers.put("Content-Type", junk.chance(0.85) ? "multipart/form-data; boundary=" + boundary : junk.pick(CONTENT_TYPES));
        var query = junk.chance(0.4) ? "?technology=" + junk.pick(List.of("LD", "DR", "F2F", "ED", "DSI", "XX", "", "LD&technology=LD"))
                : junk.chance(0.1) ? "?" + junk.badQuery() : "";
        if (junk.chance(0.15)) {
            return new Request("POST", base + "/captures" + query, headers, junk.brokenBody());
        }
        var body = new java.io.ByteArrayOutputStream();
        for (int i = junk.between(0, 30); i > 0; i--) {
            var name = junk.pick(List.of("technology", "outcome", "frame", "frame", "selfie", "document_front", "document_back",
                    "signed_file", "x", "", "frame\"; filename=\"a.png"));
            byte[] content = switch (name) {
                case "technology" -> junk.pick(List.of("LD", "DR", "F2F", "ED", "XX", "", "L\u0000D", "x".repeat(100)))
                        .getBytes(StandardCharsets.UTF_8);
                case "outcome" -> junk.pick(List.of("pass", "fail", "eye_closed", "maybe", "", "x".repeat(100)))
                        .getBytes(StandardCharsets.UTF_8);
                default -> notACapture();
            };
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (junk.chance(0.5) ? "; filename=\"f\"\r\nContent-Type: image/png" : "") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (junk.chance(0.9)) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Request(junk.chance(0.95) ? "POST" : junk.pick(METHODS), base + "/captures" + query, headers, body.toByteArray());
    }

    /** Bytes that CaptureImages refuses: junk, a header claiming too few or too many pixels, another format. */
    private byte[] notACapture() {
        return switch (junk.between(0, 4)) {
            case 0 -> png(junk.between(0, 63), junk.between(0, 5000));
            case 1 -> png(junk.between(8193, 200_000), junk.between(64, 200_000));
            case 2 -> "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 0};
            default -> junk.brokenBody();
        };
    }

    private static byte[] png(int width, int height) {
        var b = java.nio.ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        return b.array();
    }

    private Request mcpEnvelope() {
        var message = NODES.objectNode();
        if (junk.chance(0.85)) {
            message.set("jsonrpc", junk.chance(0.85) ? NODES.stringNode("2.0") : junk.value(0));
        }
        if (junk.chance(0.8)) {
            message.set("id", junk.chance(0.6) ? NODES.numberNode(junk.between(1, 1_000_000)) : junk.value(1));
        }
        var shape = junk.between(0, 9);
        if (shape < 7) {
            message.set("method", junk.chance(0.9) ? NODES.stringNode(junk.pick(MCP_METHODS)) : junk.value(0));
            if (junk.chance(0.8)) {
                message.set("params", junk.chance(0.7) ? params(message.path("method").asString("")) : junk.value(2));
            }
        } else {
            if (junk.chance(0.7)) {
                message.set("result", junk.value(2));
            }
            if (junk.chance(0.5)) {
                message.set("error", junk.chance(0.5) ? junk.object(1).put("code", 1).put("message", "m") : junk.value(1));
            }
        }
        byte[] body = junk.chance(0.1) ? junk.brokenBody()
                : junk.chance(0.05) ? bytes(NODES.arrayNode().add(message).add(message)) : bytes(message);
        return new Request(junk.chance(0.9) ? "POST" : junk.pick(List.of("GET", "DELETE", "PUT")), junk.pick(List.of("/mcp/", "/mcp")),
                mcpHeaders(), body);
    }

    /** Params shaped like the method's, with one part wrong about half of the time. */
    private JsonNode params(String method) {
        var params = junk.object(1);
        switch (method) {
            case "initialize" -> {
                params.set("protocolVersion", junk.chance(0.7) ? NODES.stringNode(junk.pick(PROTOCOL_VERSIONS)) : junk.value(0));
                params.set("capabilities", junk.chance(0.7) ? junk.object(1) : junk.value(1));
                params.set("clientInfo", junk.chance(0.7) ? NODES.objectNode().put("name", "c").put("version", "1") : junk.value(1));
            }
            case "tools/call" -> {
                var tool = junk.pick(targets.tools());
                params.set("name", junk.chance(0.7) ? NODES.stringNode(tool.name()) : junk.value(0));
                var arguments = junk.value(2);
                if (!tool.readOnly() && arguments instanceof ObjectNode object) {
                    object.put("unknown_field", true); // never a valid call of a tool that changes state
                }
                params.set("arguments", arguments);
            }
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> params.set("uri", junk.chance(0.6)
                    ? NODES.stringNode(junk.pick(List.of("kyc://reference/flow-config-defaults", "kyc://x", "file:///etc/passwd", "")))
                    : junk.value(1));
            case "prompts/get" -> {
                params.set("name", junk.chance(0.6) ? NODES.stringNode("kyc_integration") : junk.value(0));
                params.set("arguments", junk.chance(0.5) ? NODES.objectNode().put("backend", junk.string()) : junk.value(1));
            }
            case "completion/complete" -> {
                params.set("ref", junk.chance(0.6) ? NODES.objectNode().put("type", junk.pick(List.of("ref/prompt", "ref/resource", "x")))
                        .put("name", "kyc_integration").put("uri", "kyc://x") : junk.value(1));
                params.set("argument", junk.chance(0.6) ? NODES.objectNode().put("name", junk.pick(List.of("backend", "frontend", "zz")))
                        .put("value", junk.string()) : junk.value(1));
            }
            case "logging/setLevel" -> params.set("level", junk.chance(0.5) ? NODES.stringNode(junk.pick(List.of("info", "debug", "loud"))) : junk.value(0));
            default -> {
                if (junk.chance(0.3)) {
                    params.set("cursor", junk.value(0));
                }
            }
        }
        if (junk.chance(0.15)) {
            params.set("_meta", junk.value(1));
        }
        return params;
    }

    /** Every tool's arguments, derived from its input schema; a tool that changes state gets a flaw every time. */
    private Request mcpToolCall() {
        var tool = junk.pick(targets.tools());
        var arguments = ToolArguments.generate(junk, tool.inputSchema(), targets);
        if (!tool.readOnly()) {
            ToolArguments.poison(junk, arguments, tool.inputSchema());
        }
        var message = NODES.objectNode().put("jsonrpc", "2.0").put("id", junk.between(1, 1_000_000)).put("method", "tools/call");
        message.putObject("params").put("name", tool.name()).set("arguments", arguments);
        var headers = junk.chance(0.8) ? validMcpHeaders() : mcpHeaders();
        return new Request("POST", "/mcp/", headers, bytes(message));
    }

    private Map<String, String> validMcpHeaders() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Bearer " + targets.orgKey());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("Mcp-Session-Id", junk.pick(targets.mcpSessions()));
        headers.put("MCP-Protocol-Version", "2025-11-25");
        return headers;
    }

    /** Transport headers, each one right or wrong on its own. */
    private Map<String, String> mcpHeaders() {
        var headers = new LinkedHashMap<String, String>();
        switch (junk.between(0, 4)) {
            case 0 -> headers.put("Authorization", "Bearer " + targets.orgKey());
            case 1 -> headers.put("X-Org-API-Key", targets.orgKey());
            case 2 -> headers.put("Authorization", junk.pick(List.of("Bearer ", "Basic YTpi", "Bearer " + junk.string(), "bearer")));
            case 3 -> headers.put("Authorization", "Bearer " + targets.orgKey());
            default -> { }
        }
        headers.put("Content-Type", junk.chance(0.7) ? "application/json" : junk.pick(CONTENT_TYPES));
        headers.put("Accept", junk.chance(0.7) ? "application/json, text/event-stream"
                : junk.pick(List.of("application/json", "text/event-stream", "*/*", "text/html", "")));
        if (junk.chance(0.8)) {
            headers.put("Mcp-Session-Id", junk.chance(0.6) ? junk.pick(targets.mcpSessions())
                    : junk.chance(0.3) ? targets.foreignMcpSession() : junk.pick(List.of("", "nope", "x".repeat(4000), junk.uuid().toString())));
        }
        if (junk.chance(0.6)) {
            headers.put("MCP-Protocol-Version", junk.pick(PROTOCOL_VERSIONS));
        }
        if (junk.chance(0.2)) {
            headers.put("Origin", junk.pick(List.of("http://localhost:3000", "https://evil.example", "null", "http://127.0.0.1")));
        }
        return headers;
    }

    private Request post(String path, Map<String, String> headers, ObjectNode body) {
        return new Request("POST", path, headers, bytes(body));
    }

    /** Removes or breaks one field of a body that names a real key, so that it cannot be acted on. */
    private void poison(ObjectNode body, String realKey) {
        if (!realKey.equals(body.path("api_key").asString(""))) {
            return;
        }
        switch (junk.between(0, 2)) {
            case 0 -> body.set("metadata", junk.chance(0.5) ? NODES.stringNode("not an object") : NODES.arrayNode());
            case 1 -> body.put("unknown_field", 1);
            default -> body.set("api_key", NODES.numberNode(1));
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
