package io.kycflow.media;

import java.io.IOException;
import java.net.ServerSocket;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An S3-compatible store that cannot be reached (nothing listens at its endpoint): a capture that has to store
 * media gets 503 {@code media_store_unavailable} in our words with Retry-After, no attempt is recorded, no media
 * row points at a missing blob, and the log has the cause without a stack trace or secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.master-key=" + MediaFixtures.MASTER_KEY,
        "kycflow.media.store=s3",
        "kycflow.media.s3.bucket=unreachable",
        "kycflow.media.s3.region=eu-central-1",
        "kycflow.media.s3.access-key=test-access-key",
        "kycflow.media.s3.secret-key=test-secret-key"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class MediaStoreOutageTests {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void deadEndpoint(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        var endpoint = "http://127.0.0.1:" + closed;
        registry.add("kycflow.media.s3.endpoint", () -> endpoint);
    }

    @Test
    void aCaptureWhileTheStoreIsDownIs503AndChangesNothing(CapturedOutput output) {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD);
        var http = new Http(port);
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        var session = created.json().path("session_id").asString();

        var answer = http.postJson("/api/v1/sandbox/session/complete/",
                "{\"api_key\":\"" + flow.apiKey() + "\",\"session_id\":\"" + session + "\",\"outcome\":\"passed\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().path("code").asString()).isEqualTo("media_store_unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(answer.body()).doesNotContain("Exception", "amazon", "127.0.0.1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM step_attempt WHERE session_id = ?")
                .param(java.util.UUID.fromString(session)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media WHERE session_id = ?").param(java.util.UUID.fromString(session))
                .query(Long.class).single()).isZero();
        assertThat(output.getAll()).contains("Media store unavailable").doesNotContain("test-secret-key")
                .doesNotContain("\tat software.amazon");
    }
}
