package io.kycflow.mcp;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Well-formed JSON that is not a valid MCP message gets a JSON-RPC error saying what to fix, never a 500, never a
 * class name, and nothing in the log at ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpMessageTests extends McpTestSupport {

    private static final Pattern INTERNALS = Pattern.compile("java\\.|jackson|modelcontextprotocol|Exception|tomcat|asyncComplete");

    String key;
    String session;

    @BeforeEach
    void session() throws Exception {
        key = newOrganization().apiKey();
        var response = raw(post(INITIALIZE).header("Authorization", "Bearer " + key).build());
        session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        raw(inSession("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").build());
    }

    @Test
    void argumentsThatAreNotAnObjectAreInvalidParamsNotAServerError() throws Exception {
        for (var arguments : new String[] {"\"{\\\"limit\\\":5}\"", "[1]", "7", "true"}) {
            var response = raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"list_flows\",\"arguments\":" + arguments + "}}").build());
            var error = error(response, 200);
            assertThat(error.get("code").intValue()).as(arguments).isEqualTo(-32602);
            assertThat(error.get("message").stringValue()).contains("params.arguments");
            assertThat(json.readTree(response.body()).get("id").intValue()).isEqualTo(9);
        }
    }

    @Test
    void paramsThatAreNotAnObjectAndAMissingToolNameAreInvalidParams() throws Exception {
        assertThat(error(raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}").build()), 200)
                .get("message").stringValue()).contains("params must be a JSON object");
        assertThat(error(raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":5}}").build()), 200)
                .get("message").stringValue()).contains("params.name");
    }

    @Test
    void anAnswerNobodyIsWaitingForIsTheClientsFault() throws Exception {
        var response = raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":\"x-1\",\"result\":{}}").build());
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    }

    @Test
    void bodiesThatAreNotJsonGetAParseErrorWithoutParserInternals() throws Exception {
        var response = raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":").build());
        assertThat(error(response, 400).get("code").intValue()).isEqualTo(-32700);
        assertThat(response.body()).doesNotContain("jackson", "Exception", "line:");
    }

    @Test
    void oversizeBodiesAreRefused() throws Exception {
        var huge = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"list_flows\",\"arguments\":{\"x\":\""
                + "a".repeat(1_100_000) + "\"}}}";
        assertThat(raw(inSession(huge).build()).statusCode()).isEqualTo(413);
        var ok = raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}").build());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aNullBodyIsAnInvalidRequest(CapturedOutput output) throws Exception {
        var error = error(raw(inSession("null").build()), 400);
        assertThat(error.get("code").intValue()).isEqualTo(-32600);
        assertThat(error.get("message").stringValue()).contains("JSON object");
        assertNoErrorLogged(output);
    }

    @Test
    void requestsWithoutTheParamsTheirMethodNeedsAreInvalidParamsNamingWhatIsMissing(CapturedOutput output) throws Exception {
        var cases = new String[][] {
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}", "tools/call needs params"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\"}", "resources/read needs params"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\"}", "prompts/get needs params"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{}}", "params.uri"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":{}}", "params.ref"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_flows\",\"_meta\":\"x\"}}", "params._meta"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"kyc_integration\",\"arguments\":\"x\"}}", "params.arguments"},
                {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}", "params.level"}};
        for (var c : cases) {
            var response = raw(inSession(c[0]).build());
            var error = error(response, 200);
            assertThat(error.get("code").intValue()).as(c[0]).isEqualTo(-32602);
            assertThat(error.get("message").stringValue()).as(c[0]).contains(c[1]);
            assertThat(response.body()).as(c[0]).doesNotContainPattern(INTERNALS);
        }
        assertNoErrorLogged(output);
    }

    @Test
    void messagesTheSdkCannotReadAreInvalidRequestsInOurWords(CapturedOutput output) throws Exception {
        var cases = new String[] {"{\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":null}",
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"};
        for (var body : cases) {
            var response = raw(inSession(body).build());
            assertThat(response.statusCode()).as(body).isIn(200, 400);
            assertThat(json.readTree(response.body()).path("error").path("code").intValue()).as(body).isEqualTo(-32600);
            assertThat(response.body()).as(body).doesNotContainPattern(INTERNALS);
        }
        var initialize = raw(post(INITIALIZE.replace("\"capabilities\":{}", "\"capabilities\":[]"))
                .header("Authorization", "Bearer " + key).build());
        assertThat(initialize.body()).contains("params.capabilities").doesNotContainPattern(INTERNALS);
        assertThat(json.readTree(initialize.body()).path("error").path("code").intValue()).isEqualTo(-32602);
        assertNoErrorLogged(output);
    }

    @Test
    void anUnknownSessionIsSessionNotFoundAndEveryJsonAnswerIsUtf8(CapturedOutput output) throws Exception {
        var response = raw(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").header("Authorization", "Bearer " + key)
                .header("Mcp-Session-Id", "no-such-session").build());
        assertThat(error(response, 404).get("code").intValue()).isEqualTo(-32001);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
        var unauthorized = raw(post("{}").build());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
        var answer = raw(inSession("{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":{}}").build());
        assertThat(error(answer, 400).get("code").intValue()).isEqualTo(-32600);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
        assertNoErrorLogged(output);
    }

    @Test
    void deletingAnUnknownSessionWithAMultipartContentTypeIsNotFound(CapturedOutput output) throws Exception {
        var response = raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(mcpUrl())).DELETE()
                .header("Authorization", "Bearer " + key).header("Mcp-Session-Id", "nope")
                .header("Content-Type", "multipart/form-data").build());
        assertThat(error(response, 404).get("code").intValue()).isEqualTo(-32001);
        assertThat(response.body()).doesNotContainPattern(INTERNALS);
        assertNoErrorLogged(output);
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")))
                .as("ERROR lines or stack traces in the log").isEmpty();
    }

    private java.net.http.HttpRequest.Builder inSession(String body) {
        return post(body).header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session);
    }

    private JsonNode error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body()).get("error");
    }
}
