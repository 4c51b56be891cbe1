package io.kycflow.api;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.kycflow.support.RawHttp;
import io.kycflow.support.RawHttp.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the container cannot parse — query strings with broken percent-encoding or UTF-8, empty names, too many
 * parameters, oversize headers, multipart bodies without parts — answer 400 problem details in our words on every
 * path (a load balancer's health probe included), with nothing logged at ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.data-dir=target/test-data/malformed-${random.uuid}", "kycflow.demo.enabled=false"})
class MalformedRequestTests {

    private static final List<String> PATHS = List.of("/actuator/health", "/api/v1/ping/",
            "/api/v1/flows/session/result/light/", "/api/v1/admin/organizations", "/mcp/", "/no/such/path");

    @LocalServerPort
    int port;

    @Test
    void malformedQueryStringsAreBadRequestsOnEveryPath(CapturedOutput output) throws Exception {
        var http = new RawHttp(port, 5000);
        var queries = List.of("session_id=%ZZ", "session_id=%C0%AF", "session_id=%ED%A0%80", "&&&==&",
                String.join("&", Collections.nCopies(2000, "a")));
        for (var path : PATHS) {
            for (var query : queries) {
                var response = http.send(new Request("GET", path + "?" + query, Map.of(), new byte[0]));
                assertThat(response.status()).as("%s?%s", path, query.substring(0, Math.min(20, query.length()))).isEqualTo(400);
                assertProblem(response, "malformed_query");
            }
        }
        assertNoErrorLogged(output);
    }

    @Test
    void whatTheContainerRefusesToReadIsAProblemNotAnHtmlPage(CapturedOutput output) throws Exception {
        var http = new RawHttp(port, 5000);
        var longQuery = String.join("&", java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "a=" + i).toList());
        var tooLong = http.send(new Request("GET", "/api/v1/ping/?" + longQuery, Map.of(), new byte[0]));
        assertThat(tooLong.status()).isEqualTo(400);
        assertProblem(tooLong, "bad_request");
        var badTarget = http.send(new Request("GET", "/a b", Map.of(), new byte[0]));
        assertThat(badTarget.status()).isEqualTo(400);
        assertProblem(badTarget, "bad_request");
        assertNoErrorLogged(output);
    }

    @Test
    void aMultipartContentTypeWithoutPartsIsNotAServerError(CapturedOutput output) throws Exception {
        var http = new RawHttp(port, 5000);
        var multipart = Map.of("Content-Type", "multipart/form-data");
        var delete = http.send(new Request("DELETE", "/api/v1/ping/", multipart, new byte[0]));
        assertThat(delete.status()).isEqualTo(405);
        var create = http.send(new Request("POST", "/api/v1/flows/session/create/", multipart,
                "garbage".getBytes(StandardCharsets.UTF_8)));
        assertThat(create.status()).isEqualTo(415);
        var form = http.send(new Request("POST", "/api/v1/flows/session/create/",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=%ZZ".getBytes(StandardCharsets.UTF_8)));
        assertThat(form.status()).isBetween(400, 499);
        assertNoErrorLogged(output);
    }

    @Test
    void aWildcardContentTypeIsUnsupportedOnEveryPath(CapturedOutput output) throws Exception {
        var http = new RawHttp(port, 5000);
        for (var path : PATHS) {
            for (var type : List.of("*/*", "application/*", "*/*; charset=UTF-8")) {
                var response = http.send(new Request("GET", path, Map.of("Content-Type", type), new byte[0]));
                assertThat(response.status()).as("%s with %s", path, type).isEqualTo(415);
                assertProblem(response, "unsupported_media_type");
            }
        }
        assertNoErrorLogged(output);
    }

    private static void assertProblem(RawHttp.Response response, String code) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text()).contains("\"code\":\"" + code + "\"")
                .doesNotContainPattern("Exception|java\\.|tomcat|<html");
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")))
                .as("ERROR lines or stack traces in the log").isEmpty();
    }
}
