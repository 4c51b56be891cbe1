package io.kycflow.remote;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.support.documents.DocumentSet;
import io.kycflow.support.documents.SyntheticDocument;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.document.Mrz.Sex;
import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzGenerator;
import io.kycflow.support.Multipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.context.SpringBootTest;

import static io.kycflow.technology.TechnologyCode.DR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PRODUCTION session's DR step through the end user's captures API, verified by the real engine: a photo of a
 * synthetic passport gives a real (unlabelled) result, and the portrait is kept as the session's reference face.
 */
// the face models where scripts/fetch-models puts them (the test profile's data dir has none): the portrait crop
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", "kycflow.engines.models-dir=data/models"})
@ActiveProfiles("test")
class ProductionDocumentCaptureTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.kycflow.verification.internal.face.FaceEngines faceEngines;

    static DocumentSet.Sample passport;

    @BeforeAll
    static void document() {
        SyntheticDocument.requireFont();
        passport = DocumentSet.sample(new MrzGenerator.Document(MrzFormat.TD3, "P", "FIN", "XP0123456", "VIRTANEN",
                "AINO", "FIN", LocalDate.of(1985, 11, 2), Sex.F, LocalDate.of(2033, 9, 9), "", ""), 4, new Random(41));
    }

    @Test
    void aPassportPhotoPassesTheRealEngineAndKeepsThePortrait() {
        var http = new Http(port);
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, DR);
        var flow = data.flow(org.organization().id(), DR);
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        var session = created.json().path("session_id").asString();
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);

        var progress = phone.captures(session, new Multipart().text("technology", "DR")
                .file("document_front", "image/jpeg", passport.front()));
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.json().path("status").asString()).isEqualTo("FINISHED");

        var result = http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session,
                "flow_api_key", flow.apiKey())).json();
        var block = result.path("document_recognition_result");
        assertThat(block.path("result").asBoolean()).as(block.toString()).isTrue();
        assertThat(block.path("sandbox").asBoolean()).isFalse();
        assertThat(block.path("provider").asString()).isEqualTo("kycflow-mrz");
        assertThat(block.path("document").path("number").asString()).isEqualTo("XP0123456");
        assertThat(block.path("document").path("issuing_country").asString()).isEqualTo("FIN");
        var kinds = jdbc.sql("SELECT kind FROM media WHERE session_id = ?").param(UUID.fromString(session))
                .query(String.class).list();
        // the portrait is found with the server's face models (FaceEngines; this class points the server at the
        // fetched ones): without them DR still reads the document, and keeps no portrait
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(faceEngines.available()
                ? java.util.List.of("DOCUMENT_FRONT", "DOCUMENT_PORTRAIT") : java.util.List.of("DOCUMENT_FRONT"));
    }
}
