package io.kycflow.mcp.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a JSON-RPC message must look like before the SDK reads it: the envelope (JSON-RPC 2.0, ids, exactly one of
 * method / result / error) and, for the methods the server implements, the params each one needs. The SDK either
 * fails on these with an HTTP 500 after it has committed to a stream, or answers with its deserializer's exception
 * (class names included); here they get a JSON-RPC error that says what to fix. Unknown methods pass: the SDK
 * answers them with -32601 itself.
 */
final class JsonRpcRules {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    /** Why a message is refused: the id to answer with (null when the id itself is unusable) and our sentence. */
    record Rejection(@Nullable JsonNode id, int code, String message) {
    }

    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");

    /** Per method: checks its params object (never null here) and names what is wrong, or null. */
    private static final Map<String, Function<JsonNode, @Nullable String>> PARAMS = Map.ofEntries(
            Map.entry("initialize", JsonRpcRules::initialize),
            Map.entry("tools/call", p -> firstOf(nonEmptyString(p, "name"), optionalObject(p, "arguments"))),
            Map.entry("resources/read", p -> nonEmptyString(p, "uri")),
            Map.entry("resources/subscribe", p -> nonEmptyString(p, "uri")),
            Map.entry("resources/unsubscribe", p -> nonEmptyString(p, "uri")),
            Map.entry("prompts/get", p -> firstOf(nonEmptyString(p, "name"), stringMap(p, "arguments"))),
            Map.entry("completion/complete", JsonRpcRules::completion),
            Map.entry("logging/setLevel", p -> LOG_LEVELS.contains(p.path("level").asString(""))
                    ? null : "params.level must be one of " + String.join(", ", LOG_LEVELS.stream().sorted().toList()) + "."),
            Map.entry("tools/list", p -> optionalString(p, "cursor")),
            Map.entry("resources/list", p -> optionalString(p, "cursor")),
            Map.entry("resources/templates/list", p -> optionalString(p, "cursor")),
            Map.entry("prompts/list", p -> optionalString(p, "cursor")),
            Map.entry("notifications/cancelled", p -> optionalId(p, "requestId")),
            Map.entry("notifications/progress", p -> p.path("progress").isNumber() && isId(p.get("progressToken"))
                    ? null : "params.progressToken (a string or an integer) and params.progress (a number) are required."));

    /** Methods whose params may be left out altogether. */
    private static final Set<String> PARAMS_OPTIONAL = Set.of("tools/list", "resources/list", "resources/templates/list",
            "prompts/list", "notifications/cancelled");

    private JsonRpcRules() {
    }

    /**
     * @param awaitingAnswer whether this MCP session has a server-to-client request outstanding, the only case in
     *                       which a response from the client means anything
     */
    static @Nullable Rejection check(JsonNode message, boolean awaitingAnswer) {
        if (message.isArray()) {
            return new Rejection(null, INVALID_REQUEST, "JSON-RPC batches are not supported: send one message per request.");
        }
        if (!message.isObject()) {
            return new Rejection(null, INVALID_REQUEST, "The body must be one JSON-RPC 2.0 message, a JSON object.");
        }
        var id = message.get("id");
        var usableId = isId(id) ? id : null;
        var version = message.get("jsonrpc");
        if (version == null || !version.isString() || !version.asString().equals("2.0")) {
            return new Rejection(usableId, INVALID_REQUEST, "jsonrpc must be the string \"2.0\".");
        }
        if (id != null && usableId == null) {
            return new Rejection(null, INVALID_REQUEST, "id must be a string or an integer (null is not allowed).");
        }
        boolean answer = message.has("result") || message.has("error");
        if (!message.has("method")) {
            return answer ? response(message, usableId, awaitingAnswer)
                    : new Rejection(usableId, INVALID_REQUEST, "A message needs a method (request or notification) "
                    + "or a result or error (response).");
        }
        if (answer) {
            return new Rejection(usableId, INVALID_REQUEST, "A message has a method or a result/error, not both.");
        }
        var method = message.get("method");
        if (!method.isString() || method.asString().isBlank()) {
            return new Rejection(usableId, INVALID_REQUEST, "method must be a non-empty string.");
        }
        return params(method.asString(), message.get("params"), usableId);
    }

    private static @Nullable Rejection params(String method, @Nullable JsonNode params, @Nullable JsonNode id) {
        if (params == null || params.isNull()) {
            return PARAMS.containsKey(method) && !PARAMS_OPTIONAL.contains(method)
                    ? new Rejection(id, INVALID_PARAMS, method + " needs params, a JSON object.")
                    : null;
        }
        if (!params.isObject()) {
            return new Rejection(id, INVALID_PARAMS, "params must be a JSON object.");
        }
        var meta = params.get("_meta");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            return new Rejection(id, INVALID_PARAMS, "params._meta must be a JSON object.");
        }
        var rule = PARAMS.get(method);
        var problem = rule == null ? null : rule.apply(params);
        return problem == null ? null : new Rejection(id, INVALID_PARAMS, problem);
    }

    private static @Nullable Rejection response(JsonNode message, @Nullable JsonNode id, boolean awaitingAnswer) {
        if (id == null) {
            return new Rejection(null, INVALID_REQUEST, "A response needs the id of the request it answers.");
        }
        if (message.has("result") == message.has("error")) {
            return new Rejection(null, INVALID_REQUEST, "A response has exactly one of result and error.");
        }
        if (message.has("result") && !message.get("result").isObject()) {
            return new Rejection(null, INVALID_REQUEST, "result must be a JSON object.");
        }
        var error = message.get("error");
        if (error != null && !(error.isObject() && error.path("code").isIntegralNumber() && error.path("message").isString())) {
            return new Rejection(null, INVALID_REQUEST, "error must be an object with an integer code and a string message.");
        }
        if (!awaitingAnswer) {
            return new Rejection(null, INVALID_REQUEST, "This response answers nothing: the server is waiting for no "
                    + "answer in this session (unknown or already answered id).");
        }
        return null;
    }

    private static @Nullable String initialize(JsonNode params) {
        var clientInfo = params.get("clientInfo");
        return firstOf(nonEmptyString(params, "protocolVersion"),
                params.path("capabilities").isObject() ? null : "params.capabilities must be a JSON object.",
                clientInfo != null && clientInfo.isObject() && clientInfo.path("name").isString()
                        && clientInfo.path("version").isString()
                        ? null : "params.clientInfo must be an object with a string name and version.");
    }

    private static @Nullable String completion(JsonNode params) {
        var ref = params.get("ref");
        var argument = params.get("argument");
        var type = ref == null ? "" : ref.path("type").asString("");
        String refProblem = switch (type) {
            case "ref/prompt" -> nonEmptyString(ref, "name") == null ? null : "params.ref.name must name the prompt.";
            case "ref/resource" -> nonEmptyString(ref, "uri") == null ? null : "params.ref.uri must be the resource template's URI.";
            default -> "params.ref must be an object with type \"ref/prompt\" or \"ref/resource\".";
        };
        var context = params.get("context");
        return firstOf(refProblem,
                argument != null && argument.isObject() && argument.path("name").isString() && argument.path("value").isString()
                        ? null : "params.argument must be an object with a string name and value.",
                context == null || context.isNull() ? null
                        : context.isObject() ? stringMap(context, "arguments") : "params.context must be a JSON object.");
    }

    static boolean isId(@Nullable JsonNode id) {
        return id != null && (id.isString() || id.isIntegralNumber() && id.canConvertToLong());
    }

    private static @Nullable String nonEmptyString(JsonNode params, String field) {
        var value = params.get(field);
        return value != null && value.isString() && !value.asString().isEmpty()
                ? null : "params." + field + " is required, as a non-empty string.";
    }

    private static @Nullable String optionalString(JsonNode params, String field) {
        var value = params.get(field);
        return value == null || value.isNull() || value.isString() ? null : "params." + field + " must be a string.";
    }

    private static @Nullable String optionalObject(JsonNode params, String field) {
        var value = params.get(field);
        return value == null || value.isNull() || value.isObject()
                ? null : "params." + field + " must be a JSON object (not a string holding JSON).";
    }

    private static @Nullable String optionalId(JsonNode params, String field) {
        var value = params.get(field);
        return value == null || isId(value) ? null : "params." + field + " must be a string or an integer.";
    }

    /** An optional object whose values are all strings (prompt and completion arguments). */
    private static @Nullable String stringMap(JsonNode params, String field) {
        var value = params.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            return "params." + field + " must be a JSON object of strings.";
        }
        for (var entry : value.properties()) {
            if (!entry.getValue().isString()) {
                return "params." + field + " must be a JSON object whose values are all strings.";
            }
        }
        return null;
    }

    private static @Nullable String firstOf(@Nullable String... problems) {
        for (var problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
