package io.kycflow.api;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import io.kycflow.IntegrationTest;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kycflow.technology.TechnologyCode.DR;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/backend/document/parse/} over real HTTP, with synthetic document photos. */
@IntegrationTest
class BackendDocumentApiTests {

    static final String PARSE = "/api/v1/backend/document/parse/";
    static DocumentSet.Sample passport;
    static DocumentSet.Sample idCard;

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Http http;
    String productionKey;
    String testKey;

    @BeforeAll
    static void documents() {
        SyntheticDocument.requireFont();
        passport = DocumentSet.sample(new MrzGenerator.Document(MrzFormat.TD3, "P", "UTO", "L898902C3", "ERIKSSON",
                "ANNA MARIA", "UTO", LocalDate.of(1974, 8, 12), Sex.F, LocalDate.of(2032, 4, 15), "ZE184226B", ""), 1, new Random(21));
        idCard = DocumentSet.sample(new MrzGenerator.Document(MrzFormat.TD1, "I", "KAZ", "N01234567", "ABENOV",
                "DAULET", "KAZ", LocalDate.of(1988, 1, 5), Sex.M, LocalDate.of(2030, 2, 1), "880105300456", ""), 2, new Random(22));
    }

    @BeforeEach
    void organizations() {
        http = new Http(port);
        var data = new TestData(organizations, flows, catalog);
        productionKey = data.org(OrganizationStatus.PRODUCTION, DR).apiKey();
        testKey = data.org(OrganizationStatus.TEST, DR).apiKey();
    }

    @Test
    void aPassportPhotoIsParsedIntoItsMrzFields() {
        var response = post(new Multipart().jpeg("frontside_image", passport.front()), "Authorization", "Bearer " + productionKey);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var body = response.json();
        assertThat(body.path("document_type").asString()).isEqualTo("PASSPORT");
        assertThat(body.path("failure_reason").isNull()).isTrue();
        assertThat(body.path("sandbox").asBoolean()).isFalse();
        var mrz = body.path("mrz");
        assertThat(mrz.path("format").asString()).isEqualTo("TD3");
        assertThat(mrz.path("raw").asString()).isEqualTo(String.join("\n", passport.mrz()));
        assertThat(mrz.path("document_code").asString()).isEqualTo("P");
        assertThat(mrz.path("issuing_country").asString()).isEqualTo("UTO");
        assertThat(mrz.path("document_number").asString()).isEqualTo("L898902C3");
        assertThat(mrz.path("surname").asString()).isEqualTo("ERIKSSON");
        assertThat(mrz.path("given_names").asString()).isEqualTo("ANNA MARIA");
        assertThat(mrz.path("nationality").asString()).isEqualTo("UTO");
        assertThat(mrz.path("birth_date").asString()).isEqualTo("1974-08-12");
        assertThat(mrz.path("sex").asString()).isEqualTo("F");
        assertThat(mrz.path("expiry_date").asString()).isEqualTo("2032-04-15");
        assertThat(mrz.path("optional_data").asString()).isEqualTo("ZE184226B");
        assertThat(mrz.path("check_digits").path("document_number").asBoolean()).isTrue();
        assertThat(mrz.path("check_digits").path("birth_date").asBoolean()).isTrue();
        assertThat(mrz.path("check_digits").path("expiry_date").asBoolean()).isTrue();
        assertThat(mrz.path("check_digits").path("composite").asBoolean()).isTrue();
        assertThat(mrz.path("valid").asBoolean()).isTrue();
        // the printed fields, read by Tesseract where the server has it (else null: never a made-up value)
        var zone = body.path("visual_zone");
        if (io.kycflow.verification.internal.document.VisualZones.installed()) {
            assertThat(zone.path("read").asBoolean()).as(zone.toString()).isTrue();
            assertThat(zone.path("fields").path("surname").path("value").asString()).isEqualTo("ERIKSSON");
            assertThat(zone.path("fields").path("birth_date").path("value").asString()).isEqualTo("1974-08-12");
            assertThat(zone.path("fields").path("birth_date").path("matches_mrz").asBoolean()).isTrue();
            assertThat(zone.path("consistent").asBoolean()).as(zone.toString()).isTrue();
        } else {
            assertThat(zone.isNull()).isTrue();
        }
    }

    @Test
    void anIdCardIsParsedFromItsBackAndTheCountryHintIsChecked() {
        var form = new Multipart().jpeg("frontside_image", idCard.front()).jpeg("backside_image", idCard.back()).text("country_code", "kaz");
        var body = post(form, "X-Org-API-Key", productionKey).json();
        assertThat(body.path("document_type").asString()).isEqualTo("ID_CARD");
        assertThat(body.path("mrz").path("document_number").asString()).isEqualTo("N01234567");
        assertThat(body.path("mrz").path("optional_data").asString()).isEqualTo("880105300456");
        assertThat(body.path("failure_reason").isNull()).as(body.toString()).isTrue();

        var other = new Multipart().jpeg("frontside_image", idCard.front()).jpeg("backside_image", idCard.back()).text("country_code", "UZB");
        var mismatch = post(other, "X-Org-API-Key", productionKey).json();
        assertThat(mismatch.path("failure_reason").path("type").asString()).isEqualTo("country_not_allowed");

        var frontOnly = post(new Multipart().jpeg("frontside_image", idCard.front()), "X-Org-API-Key", productionKey).json();
        assertThat(frontOnly.path("mrz").isNull()).isTrue();
        assertThat(frontOnly.path("failure_reason").path("type").asString()).isEqualTo("mrz_unreadable");

        // every call goes through the Backend API's guard: audited, in order, with no image or field in the row
        var outcomes = jdbc.sql("SELECT outcome FROM backend_call WHERE organization_id = ? AND endpoint = 'document/parse' "
                + "ORDER BY id").param(organizations.authenticate(productionKey).orElseThrow().id()).query(String.class).list();
        assertThat(outcomes).containsExactly("read", "failed", "failed");
    }

    @Test
    void aTestOrganizationGetsTheLabelledSandboxDocument() {
        var body = post(new Multipart().jpeg("frontside_image", passport.front()), "X-Org-API-Key", testKey).json();
        assertThat(body.path("sandbox").asBoolean()).isTrue();
        assertThat(body.path("mrz").path("surname").asString()).isEqualTo("SANDBOX");
        assertThat(body.path("mrz").path("valid").asBoolean()).isTrue();
        assertThat(body.path("visual_zone").isNull()).as("the sandbox reads no images").isTrue();
    }

    @Test
    void badRequestsAreRefusedInOurOwnWords() {
        post(new Multipart().jpeg("frontside_image", passport.front())).assertProblem(401, "unauthorized");
        post(new Multipart().jpeg("frontside_image", passport.front()), "X-Org-API-Key", "not-a-key-" + UUID.randomUUID())
                .assertProblem(401, "unauthorized");
        post(new Multipart().text("country_code", "KAZ"), "X-Org-API-Key", productionKey).assertProblem(400, "validation_failed");
        post(new Multipart().jpeg("frontside_image", "GIF89a not an image".getBytes(StandardCharsets.US_ASCII)),
                "X-Org-API-Key", productionKey).assertProblem(415, "capture_type_unsupported");
        post(new Multipart().jpeg("frontside_image", passport.front()).jpeg("selfie", passport.front()),
                "X-Org-API-Key", productionKey).assertProblem(400, "unexpected_part");
        post(new Multipart().jpeg("frontside_image", passport.front()).text("country_code", "XX1"),
                "X-Org-API-Key", productionKey).assertProblem(400, "validation_failed");
        http.send("POST", PARSE, "application/json", BodyPublishers.ofString("{}"), "X-Org-API-Key", productionKey)
                .assertProblem(415, "unsupported_media_type");
        // the JSON API's body limit still holds on paths that only look like the backend API's
        var big = "{\"api_key\":\"" + "x".repeat(70_000) + "\"}";
        var sneaky = http.send("POST", "/api/v1/backend/..;/flows/session/create/", "application/json", BodyPublishers.ofString(big));
        assertThat(sneaky.status()).as(sneaky.body()).isIn(400, 404, 413);
        http.send("POST", "/api/v1/backend/%2e%2e/flows/session/create/", "application/json", BodyPublishers.ofString(big))
                .assertProblem(413, "payload_too_large");
    }

    Http.Response post(Multipart form, String... headers) {
        return http.send("POST", PARSE, form.contentType(), BodyPublishers.ofByteArray(form.bytes()), headers);
    }
}
