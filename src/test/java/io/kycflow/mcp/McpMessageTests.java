package io.kycflow.mcp;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Well-formed JSON that is not a valid MCP message gets a JSON-RPC error saying what to fix, never a 500. */
class McpMessageTests extends McpTestSupport {

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

    private java.net.http.HttpRequest.Builder inSession(String body) {
        return post(body).header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session);
    }

    private JsonNode error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body()).get("error");
    }
}
