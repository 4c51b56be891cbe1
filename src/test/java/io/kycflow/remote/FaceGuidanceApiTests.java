package io.kycflow.remote;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.verification.internal.face.FaceBox;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FacePicture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code POST /flow/{session_id}/guidance} over real HTTP on H2 with the real face detector: frames composed from the
 * sample photos (a face placed in the oval, small, filling the frame, off to the side, two faces, none) get the hint the camera screen
 * shows; the guard (binding, CSRF, its own rate limit) and the body checks refuse in our words. The face cases are
 * skipped, saying so, without scripts/fetch-models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.engines.models-dir=data/models", "kycflow.remote.rate-limit.guidance-per-minute=8"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class FaceGuidanceApiTests {

    private static final Path PHOTOS = Path.of(System.getenv().getOrDefault("KYCFLOW_TEST_ASSETS_DIR", "data/test-assets"), "faces");

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired FaceEngines faceEngines;

    TestData data;
    Http http;

    @BeforeEach
    void setUp() {
        data = new TestData(organizations, flows, catalog);
        http = new Http(port);
    }

    @Test
    void framesComposedFromSamplePhotosGetTheHintForWhereTheFaceIs(CapturedOutput output) {
        assumeTrue(faceEngines.available() && Files.isRegularFile(PHOTOS.resolve("sample1.jpg")),
                "face models or sample photos not fetched: guidance face cases SKIPPED (run scripts/fetch-models)");
        var session = session(OrganizationStatus.PRODUCTION, LD);
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);
        var one = photo("sample1.jpg");
        var other = photo("sample3.jpg");

        assertThat(hint(phone, session, frame(240, 320, one, 0.5, 0.5, 0.47))).isEqualTo("ok");
        assertThat(hint(phone, session, frame(240, 320, one, 0.18, 0.5, 0.47))).isEqualTo("too_far");
        assertThat(hint(phone, session, frame(240, 320, one, 0.9, 0.5, 0.5))).isEqualTo("too_close");
        assertThat(hint(phone, session, frame(240, 320, one, 0.45, 0.2, 0.47))).isEqualTo("off_center");
        assertThat(hint(phone, session, frame(240, 320))).isEqualTo("no_face");
        assertThat(hint(phone, session, frame(320, 240, one, 0.42, 0.27, 0.5, other, 0.42, 0.73, 0.5))).isEqualTo("several_faces");
        assertThat(output.getAll()).as("nothing about a guidance frame is logged").doesNotContain("guidance");
    }

    @Test
    void aSandboxSessionGetsGuidanceToo() {
        var session = session(OrganizationStatus.TEST, LD);
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);
        var answer = post(phone, session, "image/jpeg", frame(240, 320));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("hint").asString()).isEqualTo(faceEngines.available() ? "no_face" : "unavailable");
    }

    @Test
    void onlyTheBoundBrowserWithTheFlowHeaderMayAskAndOnlyOnTheLivenessStep() {
        var session = session(OrganizationStatus.TEST, LD);
        var phone = new FlowBrowser(port);
        post(new FlowBrowser(port), session, "image/jpeg", frame(240, 320)).assertProblem(403, "device_not_bound");
        assertThat(phone.start(session).status()).isEqualTo(200);
        post(new FlowBrowser(port), session, "image/jpeg", frame(240, 320)).assertProblem(403, "device_not_bound");
        post(new FlowBrowser(port).withoutFlowHeader(), session, "image/jpeg", frame(240, 320)).assertProblem(403, "csrf_refused");

        var dr = session(OrganizationStatus.TEST, DR, LD);
        var desktop = new FlowBrowser(port);
        assertThat(desktop.start(dr).status()).isEqualTo(200);
        post(desktop, dr, "image/jpeg", frame(240, 320)).assertProblem(409, "step_out_of_order");
    }

    @Test
    void aFrameThatIsNotASmallJpegIsRefusedInOurWords() {
        var session = session(OrganizationStatus.TEST, LD);
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);
        var png = FlowBrowser.image("png", 240, 320, 1);
        post(phone, session, "image/png", png).assertProblem(415, "capture_type_unsupported");
        post(phone, session, "image/jpeg", png).assertProblem(415, "capture_type_unsupported");
        var large = post(phone, session, "image/jpeg", FlowBrowser.image("jpeg", 640, 480, 2));
        large.assertProblem(400, "guidance_frame");
        assertThat(large.body()).contains("at most 320 pixels").doesNotContain("Exception");
        var oversized = new byte[64 * 1024 + 1];
        oversized[0] = (byte) 0xFF;
        oversized[1] = (byte) 0xD8;
        oversized[2] = (byte) 0xFF;
        post(phone, session, "image/jpeg", oversized).assertProblem(413, "capture_too_large");
    }

    @Test
    void guidanceHasItsOwnRateLimitThatLeavesTheCaptureBudgetAlone() {
        var session = session(OrganizationStatus.TEST, LD);
        var phone = new FlowBrowser(port);
        assertThat(phone.start(session).status()).isEqualTo(200);
        var blank = frame(240, 320);
        for (int i = 0; i < 8; i++) {
            assertThat(post(phone, session, "image/jpeg", blank).status()).isEqualTo(200);
        }
        var refused = post(phone, session, "image/jpeg", blank);
        refused.assertProblem(429, "rate_limited");
        assertThat(refused.body()).contains("8 guidance frames");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(phone.start(session).status()).as("other requests keep their budget").isEqualTo(200);
    }

    private String session(OrganizationStatus status, io.kycflow.technology.TechnologyCode... steps) {
        var org = data.org(status, steps);
        var flow = data.flow(org.organization().id(), steps);
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    private static Http.Response post(FlowBrowser browser, String session, String type, byte[] body) {
        return browser.send("POST", "/flow/" + session + "/guidance", type, BodyPublishers.ofByteArray(body));
    }

    private static String hint(FlowBrowser browser, String session, byte[] frame) {
        var answer = post(browser, session, "image/jpeg", frame);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("hint").asString();
    }

    /** A photo and its largest face, as the real detector sees it. */
    private record Photo(BufferedImage image, FaceBox face) {
    }

    private Photo photo(String name) {
        try {
            var image = ImageIO.read(PHOTOS.resolve(name).toFile());
            var faces = faceEngines.run(() -> faceEngines.analyzer().detect(FacePicture.of(image)));
            return new Photo(image, faces.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A grey frame with, per (photo, share, x, y), that photo's face scaled to {@code share} of the frame's height
     * and centred at (x, y) as shares of the frame, cut out in an ellipse so no neighbour in the group photo shows.
     */
    private static byte[] frame(int width, int height, Object... faces) {
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(new Color(0x8a8a8a));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < faces.length; i += 4) {
            var photo = (Photo) faces[i];
            double scale = (double) faces[i + 1] * height / photo.face().height();
            double cx = (double) faces[i + 2] * width;
            double cy = (double) faces[i + 3] * height;
            double side = photo.face().height() * scale * 1.25;
            g.setClip(new Ellipse2D.Double(cx - side / 2, cy - side * 0.6, side, side * 1.2));
            var place = new AffineTransform(scale, 0, 0, scale, cx - photo.face().centerX() * scale, cy - photo.face().centerY() * scale);
            g.drawImage(photo.image(), place, null);
            g.setClip(null);
        }
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "jpeg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
