package io.kycflow.verification;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the OCR-B font the server still starts, installs no real DR engine (PRODUCTION DR steps are refused with
 * {@code engine_unavailable}, as without any engine) and the backend parse answers the same, never a fake reading;
 * TEST organizations keep their sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kycflow.document.ocr-font=/nonexistent/fonts-ocr-b/OCRB.otf")
@ActiveProfiles("test")
class DocumentEngineUnavailableTests {

    @LocalServerPort
    int port;
    @Autowired
    VerificationEngines engines;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;

    @Test
    void noFontMeansNoRealEngineAndAnHonestRefusal() {
        assertThat(engines.available(false, TechnologyCode.DR)).isFalse();
        assertThat(engines.available(true, TechnologyCode.DR)).isTrue();

        var data = new TestData(organizations, flows, catalog);
        var production = data.org(OrganizationStatus.PRODUCTION, TechnologyCode.DR).apiKey();
        var test = data.org(OrganizationStatus.TEST, TechnologyCode.DR).apiKey();
        var http = new Http(port);
        var boundary = "b0undary";
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 1, 0, 0, 0, 1, 0}; // a header of 256 × 256: the upload check reads no further
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"frontside_image\"; filename=\"f.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var refused = http.send("POST", "/api/v1/backend/document/parse/", "multipart/form-data; boundary=" + boundary,
                BodyPublishers.ofByteArray(body.toByteArray()), "X-Org-API-Key", production)
                .assertProblem(409, "engine_unavailable");
        assertThat(refused.path("detail").asString()).contains("OCR-B");
        var sandbox = http.send("POST", "/api/v1/backend/document/parse/", "multipart/form-data; boundary=" + boundary,
                BodyPublishers.ofByteArray(body.toByteArray()), "X-Org-API-Key", test);
        assertThat(sandbox.json().path("sandbox").asBoolean()).as(sandbox.body()).isTrue();
    }
}
