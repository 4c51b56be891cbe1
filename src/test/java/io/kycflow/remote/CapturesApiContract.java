package io.kycflow.remote;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.SessionService;
import io.kycflow.shared.KycException;
import io.kycflow.support.Http;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.StepVerifier;
import io.kycflow.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The end user's captures API over real HTTP, run unchanged against each database (one subclass each): the device
 * binding and its one hand-off, the CSRF guard, the capture checks, the refusals that store nothing, whole sessions
 * walked through the endpoint to FINISHED and FAILED, the rate limit, and a progress view with nothing personal.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class CapturesApiContract {

    @LocalServerPort int port;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired SessionService sessions;
    @Autowired TechnologyCatalog catalog;
    @Autowired StepVerifier steps;
    @Autowired JdbcClient jdbc;

    Http http;
    TestData data;
    IssuedFlow sandboxFlow;

    @BeforeEach
    void sandboxFlow() {
        http = new Http(port);
        data = new TestData(organizations, flows, catalog);
        sandboxFlow = data.flow(data.org().organization().id(), LD, DR, F2F);
    }

    // ---- binding and hand-off -------------------------------------------------------------------------------

    @Test
    void theFirstBrowserBindsTheSessionAndAnotherIsRefused() {
        var session = session(sandboxFlow);
        var desktop = browser();

        var started = desktop.start(session);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertProgress(started.json(), session, "CREATED", "LD");
        var cookie = desktop.setCookies().getFirst();
        assertThat(cookie).startsWith("kycflow_device=").contains("HttpOnly", "SameSite=Strict", "Path=/flow/" + session, "Max-Age=")
                .doesNotContain("Secure"); // plain HTTP here
        var secret = desktop.cookie(session);
        assertThat(secret).hasSize(43);
        var stored = jdbc.sql("SELECT device_hash FROM device_binding WHERE session_id = ?").param(UUID.fromString(session))
                .query(String.class).single();
        assertThat(stored).as("only a hash is stored").isNotEqualTo(secret).isEqualTo(io.kycflow.security.ApiKeys.lookupHash(secret));

        var again = desktop.start(session);
        assertThat(again.status()).as("the bound browser again: idempotent").isEqualTo(200);
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device_binding WHERE session_id = ?").param(UUID.fromString(session))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(sessionStatus(session)).as("starting is not an attempt").isEqualTo("CREATED");

        var other = browser();
        other.start(session).assertProblem(403, "device_not_bound");
        other.progress(session).assertProblem(403, "device_not_bound");
        other.captures(session, ldBurst(2)).assertProblem(403, "device_not_bound");
        other.handoff(session).assertProblem(403, "device_not_bound");
        assertThat(desktop.progress(session).status()).isEqualTo(200);
    }

    @Test
    void aHandOffMovesTheBindingOnceAndTheFirstBrowserOnlyFollows(CapturedOutput output) {
        var session = session(sandboxFlow);
        var desktop = browser();
        desktop.start(session);

        var offered = desktop.handoff(session);
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        var url = offered.json().path("handoff_url").asString();
        assertThat(url).startsWith(sessions.verificationUrl(UUID.fromString(session)) + "#handoff=");
        var token = url.substring(url.indexOf("#handoff=") + "#handoff=".length());
        assertThat(OffsetDateTime.parse(offered.json().path("expires_at").asString()))
                .isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(9), OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(11));

        var phone = browser();
        var claimed = phone.claim(session, token);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(phone.cookie(session)).isNotNull().isNotEqualTo(desktop.cookie(session));
        assertThat(phone.progress(session).json().path("read_only").asBoolean()).isFalse();

        var following = desktop.progress(session);
        assertThat(following.status()).as("the desktop follows the phone").isEqualTo(200);
        assertThat(following.json().path("read_only").asBoolean()).isTrue();
        desktop.captures(session, ldBurst(2)).assertProblem(403, "device_not_bound");
        desktop.handoff(session).assertProblem(403, "device_not_bound");
        desktop.start(session).assertProblem(403, "device_not_bound");
        assertThat(desktop.claim(session, token).json().path("code").asString()).isEqualTo("handoff_used");

        phone.handoff(session).assertProblem(409, "handoff_used");
        var third = browser();
        third.claim(session, token).assertProblem(403, "handoff_used");
        third.start(session).assertProblem(403, "device_not_bound");
        third.progress(session).assertProblem(403, "device_not_bound");
        third.claim(session, "A".repeat(43)).assertProblem(403, "handoff_token_invalid");

        var captured = phone.captures(session, ldBurst(2));
        assertThat(captured.status()).as(captured.body()).isEqualTo(200);
        assertThat(desktop.progress(session).json().path("steps").get(0).path("status").asString()).isEqualTo("PASSED");

        var log = output.toString();
        assertThat(log).doesNotContain(token).doesNotContain(phone.cookie(session)).doesNotContain(desktop.cookie(session));
    }

    @Test
    void aNewHandOffCodeReplacesTheOldOneAndAnExpiredCodeIsRefused() {
        var session = session(sandboxFlow);
        var desktop = browser();
        desktop.start(session);
        var first = token(desktop.handoff(session));
        var second = token(desktop.handoff(session));
        var phone = browser();
        phone.claim(session, first).assertProblem(403, "handoff_token_invalid");

        jdbc.sql("UPDATE device_binding SET handoff_expires_at = ? WHERE session_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), UUID.fromString(session)).update();
        phone.claim(session, second).assertProblem(403, "handoff_expired");
        phone.claim(session, "not a token").assertProblem(403, "handoff_token_invalid");
        assertThat(desktop.progress(session).json().path("read_only").asBoolean()).as("still the desktop's").isFalse();

        var third = token(desktop.handoff(session));
        assertThat(phone.claim(session, third).status()).isEqualTo(200);
    }

    @Test
    void twoPhonesClaimingTheSameCodeAtOnceExactlyOneWins() throws Exception {
        var session = session(sandboxFlow);
        var desktop = browser();
        desktop.start(session);
        var token = token(desktop.handoff(session));
        var statuses = atOnce(6, phone -> phone.claim(session, token));
        assertThat(statuses).as("one 200, the rest 403").containsOnlyOnce(200).containsOnly(200, 403);
        assertThat(desktop.progress(session).json().path("read_only").asBoolean()).isTrue();
    }

    @Test
    void browsersStartingTheSameSessionAtOnceBindItToExactlyOne() throws Exception {
        var session = session(sandboxFlow);
        var statuses = atOnce(6, browser -> browser.start(session));
        assertThat(statuses).as("one 200, the rest 403").containsOnlyOnce(200).containsOnly(200, 403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device_binding WHERE session_id = ?").param(UUID.fromString(session))
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The statuses of {@code browsers} new browsers each sending {@code request} at the same moment. */
    List<Integer> atOnce(int browsers, java.util.function.Function<FlowBrowser, Http.Response> request) throws Exception {
        var ready = new CountDownLatch(browsers);
        var go = new CountDownLatch(1);
        var answers = new ArrayList<CompletableFuture<Http.Response>>();
        try (var pool = Executors.newFixedThreadPool(browsers)) {
            for (int i = 0; i < browsers; i++) {
                var browser = browser();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return request.apply(browser);
                }, pool));
            }
            ready.await();
            go.countDown();
            return answers.stream().map(CompletableFuture::join).map(Http.Response::status).toList();
        }
    }

    @Test
    void aDeclineEndsTheSessionFailedForTheFirstOrBoundBrowserOnly() {
        var session = session(sandboxFlow);
        browser().withoutFlowHeader().decline(session).assertProblem(403, "csrf_refused");
        browser().fromOrigin("https://evil.example").decline(session).assertProblem(403, "csrf_refused");
        var desktop = browser();
        desktop.start(session);
        browser().decline(session).assertProblem(403, "device_not_bound");
        assertThat(sessionStatus(session)).isEqualTo("CREATED");

        var declined = desktop.decline(session);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(declined.json().path("finished").asBoolean()).isTrue();
        assertThat(declined.body()).as("nothing but where it stands").doesNotContain("user_declined");
        desktop.decline(session).assertProblem(409, "session_closed");
        desktop.captures(session, ldBurst(2)).assertProblem(409, "session_closed");
        browser().decline(session).assertProblem(403, "device_not_bound");
        var light = http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key",
                sandboxFlow.apiKey())).json();
        assertThat(light.path("status").asString()).isEqualTo("FAILED");
        assertThat(light.path("overall_result").asBoolean(true)).isFalse();
        assertThat(light.path("failure_reasons").size()).isEqualTo(1);
        assertThat(light.path("failure_reasons").get(0).path("type").asString()).isEqualTo("user_declined");
        assertThat(light.path("failure_reasons").get(0).path("technology").isNull()).isTrue();
        assertThat(light.path("liveness_result").path("result").isNull()).as("no step was judged").isTrue();

        var onTheFirstScreen = session(sandboxFlow);
        var phone = browser();
        var first = phone.decline(onTheFirstScreen);
        assertThat(first.status()).as("declining before starting binds this browser and ends it").isEqualTo(200);
        assertThat(phone.cookie(onTheFirstScreen)).isNotNull();
        assertThat(sessionStatus(onTheFirstScreen)).isEqualTo("FAILED");

        var inWidget = session(sandboxFlow);
        var framed = browser();
        assertThat(framed.send("POST", "/flow/" + inWidget + "/start?widget=true", null, BodyPublishers.noBody()).status()).isEqualTo(200);
        assertThat(framed.setCookies().getFirst()).as("the widget's cookie, sent inside a cross-site frame")
                .contains("HttpOnly", "Secure", "SameSite=None", "Partitioned", "Path=/flow/" + inWidget);
        assertThat(framed.decline(inWidget).status()).isEqualTo(200);
    }

    // ---- CSRF and the edges ---------------------------------------------------------------------------------

    @Test
    void changesWithoutTheFlowHeaderOrFromAnotherOriginAreRefused() {
        var session = session(sandboxFlow);
        browser().withoutFlowHeader().start(session).assertProblem(403, "csrf_refused");
        browser().fromOrigin("https://evil.example").start(session).assertProblem(403, "csrf_refused");
        browser().fromOrigin("null").start(session).assertProblem(403, "csrf_refused");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device_binding WHERE session_id = ?").param(UUID.fromString(session))
                .query(Long.class).single()).as("nothing bound").isZero();

        var desktop = browser();
        assertThat(desktop.start(session).status()).isEqualTo(200);
        var withoutHeader = desktop.withoutFlowHeader().captures(session, ldBurst(1));
        withoutHeader.assertProblem(403, "csrf_refused");
        assertThat(withoutHeader.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var unbound = session(sandboxFlow);
        assertThat(browser().fromOrigin(null).start(unbound).status()).as("no Origin header: the custom header suffices")
                .isEqualTo(200);

        var preflight = http.send("OPTIONS", "/flow/" + session + "/captures", null, BodyPublishers.noBody(),
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "x-kycflow-flow");
        assertThat(preflight.status()).isLessThan(500);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
    }

    @Test
    void unknownAndMalformedSessionIdsAreAnsweredInOurWords() {
        var stranger = browser();
        stranger.start(UUID.randomUUID().toString()).assertProblem(404, "session_not_found");
        stranger.progress(UUID.randomUUID().toString()).assertProblem(404, "session_not_found");
        stranger.start("not-a-uuid").assertProblem(400, "validation_failed");
        stranger.progress("1-1-1-1-1").assertProblem(400, "validation_failed");
        stranger.captures(UUID.randomUUID().toString(), ldBurst(1)).assertProblem(404, "session_not_found");
    }

    @Test
    void theBodyOfAStrangerIsNeverParsed() {
        var session = session(sandboxFlow);
        browser().start(session);
        var broken = browser().send("POST", "/flow/" + session + "/captures", "multipart/form-data; boundary=nope",
                BodyPublishers.ofString("this is not multipart at all"));
        broken.assertProblem(403, "device_not_bound"); // not 400 malformed_multipart: the body was not read
    }

    // ---- capture checks -------------------------------------------------------------------------------------

    @Test
    void capturesAreCheckedBeforeAnythingIsStored() {
        var session = session(sandboxFlow);
        var phone = browser();
        phone.start(session);
        long mediaBefore = mediaRows(session);

        var big = new byte[CaptureImages.MAX_BYTES + 4096];
        System.arraycopy(FlowBrowser.image("png", 100, 100, 1), 0, big, 0, 200);
        phone.captures(session, new Multipart().text("technology", "LD").png("selfie", big)).assertProblem(413, "payload_too_large");
        phone.captures(session, new Multipart().text("technology", "LD").png("selfie", "GIF89a not an image at all".getBytes()))
                .assertProblem(415, CaptureImages.UNSUPPORTED_TYPE);
        var bomb = phone.captures(session, new Multipart().text("technology", "LD").png("frame", FlowBrowser.image("png", 320, 240, 2))
                .png("frame", FlowBrowser.pngBomb(100_000, 100_000))).assertProblem(400, CaptureImages.BAD_DIMENSIONS);
        assertThat(bomb.path("field").asString()).isEqualTo("frame[1]");
        assertThat(bomb.path("detail").asString()).contains("100000×100000");
        phone.captures(session, ldBurst(17)).assertProblem(400, "too_many_frames");
        var tooMany = new Multipart().text("technology", "LD");
        for (int i = 0; i < 25; i++) {
            tooMany.text("outcome", "pass");
        }
        phone.captures(session, tooMany).assertProblem(400, "too_many_parts");
        phone.captures(session, new Multipart().text("technology", "LD")).assertProblem(400, "validation_failed");
        phone.captures(session, new Multipart().text("technology", "LD").png("document_front", FlowBrowser.image("png", 428, 270, 3)))
                .assertProblem(400, "unexpected_part");
        phone.captures(session, new Multipart().text("technology", "LD").png("passport", FlowBrowser.image("png", 428, 270, 3)))
                .assertProblem(400, "unexpected_part");
        phone.captures(session, new Multipart().png("frame", FlowBrowser.image("png", 320, 240, 4))).assertProblem(400, "validation_failed");
        phone.captures(session, new Multipart().text("technology", "XX").png("frame", FlowBrowser.image("png", 320, 240, 4)))
                .assertProblem(400, "validation_failed");
        phone.captures(session, new Multipart().text("technology", "LD").text("outcome", "maybe")
                .png("frame", FlowBrowser.image("png", 320, 240, 4))).assertProblem(400, "validation_failed");
        phone.captures(session, "?technology=DR", ldBurst(1)).assertProblem(409, "step_out_of_order");
        phone.captures(session, new Multipart().text("technology", "DR").png("document_front", FlowBrowser.image("png", 428, 270, 5)))
                .assertProblem(409, "step_out_of_order");
        phone.send("POST", "/flow/" + session + "/captures?technology=LD", "application/json",
                BodyPublishers.ofString("{\"frame\":1}")).assertProblem(415, "unsupported_media_type");

        assertThat(mediaRows(session)).as("nothing stored").isEqualTo(mediaBefore);
        var progress = phone.progress(session).json();
        assertThat(progress.path("status").asString()).isEqualTo("CREATED");
        assertThat(progress.path("current_step").path("attempts").asInt()).as("no attempt spent").isZero();
    }

    @Test
    void aFullBurstOfLargeFramesFitsAndARequestPastTheLimitIs413() throws Exception {
        var session = session(sandboxFlow);
        var phone = browser();
        phone.start(session);
        // Refused from its Content-Length before a byte of the body is read: the answer comes while none was sent.
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var head = "POST /flow/" + session + "/captures HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Kycflow-Flow: 1\r\n"
                    + "Cookie: kycflow_device=" + phone.cookie(session) + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + (64L * 1024 * 1024 + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var answer = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        assertThat(mediaRows(session)).isZero();

        var burst = new Multipart().text("technology", "LD");
        for (int i = 0; i < 16; i++) {
            burst.png("frame", largePng(3_500_000, 100 + i)); // 56 MB
        }
        var answer = phone.captures(session, burst);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("steps").get(0).path("status").asString()).isEqualTo("PASSED");
        assertThat(mediaRows(session)).as("16 frames and the kept selfie").isEqualTo(17);
    }

    /** {@code size} bytes behind a real PNG header of 1920×1080 (the engine never decodes a sandbox capture). */
    static byte[] largePng(int size, long seed) {
        var header = FlowBrowser.image("png", 1920, 1080, seed);
        var bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        System.arraycopy(header, 0, bytes, 0, 64);
        return bytes;
    }

    @Test
    void closedAndExpiredSessionsRefuseCaptures() {
        var finished = session(sandboxFlow);
        var phone = browser();
        phone.start(finished);
        walkToFinished(phone, finished);
        phone.captures(finished, ldBurst(1)).assertProblem(409, "session_closed");
        phone.handoff(finished).assertProblem(409, "session_closed");
        var done = phone.progress(finished).json();
        assertThat(done.path("finished").asBoolean()).isTrue();
        assertThat(done.path("current_step").isNull()).isTrue();

        var expiring = session(sandboxFlow);
        phone.start(expiring);
        jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), UUID.fromString(expiring)).update();
        long before = mediaRows(expiring);
        phone.captures(expiring, ldBurst(2)).assertProblem(409, "session_closed");
        assertThat(mediaRows(expiring)).isEqualTo(before);
        var expired = phone.progress(expiring).json();
        assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.path("finished").asBoolean()).isTrue();
    }

    @Test
    void aProductionCaptureIsRefusedWithoutARealEngineAndNothingIsStored() {
        var production = data.org(OrganizationStatus.PRODUCTION, LD, DR, F2F);
        var flow = data.flow(production.organization().id(), LD, DR, F2F);
        var session = session(flow);
        var phone = browser();
        var started = phone.start(session).json();
        assertThat(started.path("sandbox").asBoolean()).isFalse();
        long allMedia = jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();

        var refused = phone.captures(session, ldBurst(3)).assertProblem(409, "engine_unavailable");
        assertThat(refused.path("detail").asString()).contains("LD", "PRODUCTION", "real engines");
        phone.captures(session, "?technology=LD", ldBurst(3).text("outcome", "pass")).assertProblem(409, "engine_unavailable");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single()).as("media rows unchanged").isEqualTo(allMedia);
        var progress = phone.progress(session);
        assertThat(progress.json().path("status").asString()).isEqualTo("CREATED");
        assertThat(progress.json().path("current_step").path("attempts").asInt()).isZero();
        assertThat(progress.body()).doesNotContain("\"sandbox\":true");
        var light = light(flow, session);
        assertThat(light.body()).doesNotContain("\"sandbox\":true");
        assertThat(light.json().path("status").asString()).isEqualTo("CREATED");

        // and a sandbox outcome is refused for it even when an engine exists one day
        var productionSession = sessions.find(UUID.fromString(session)).orElseThrow();
        assertThatThrownBy(() -> steps.checkSandboxOutcome(productionSession, LD, "pass", "outcome"))
                .isInstanceOf(KycException.class).extracting(e -> ((KycException) e).code()).isEqualTo("sandbox_only");
    }

    // ---- whole sessions -------------------------------------------------------------------------------------

    @Test
    void aSandboxSessionWalkedThroughTheCapturesEndpointFinishesWithRealMedia() throws Exception {
        var session = session(sandboxFlow);
        var phone = browser();
        phone.start(session);
        var frames = List.of(FlowBrowser.image("jpg", 480, 640, 11), FlowBrowser.image("jpg", 480, 640, 12),
                FlowBrowser.image("png", 480, 640, 13));
        var burst = new Multipart().text("technology", "LD");
        burst.file("frame", "image/jpeg", frames.get(0)).file("frame", "image/jpeg", frames.get(1)).file("frame", "image/png", frames.get(2));

        var afterLd = phone.captures(session, burst);
        assertThat(afterLd.status()).as(afterLd.body()).isEqualTo(200);
        assertProgress(afterLd.json(), session, "IN_PROGRESS", "DR");
        assertThat(afterLd.json().path("steps").get(0).path("status").asString()).isEqualTo("PASSED");

        var front = FlowBrowser.image("png", 856, 540, 14);
        var back = FlowBrowser.image("jpg", 856, 540, 15);
        var afterDr = phone.captures(session, "?technology=DR", new Multipart().png("document_front", front)
                .file("document_back", "image/jpeg", back));
        assertThat(afterDr.status()).as(afterDr.body()).isEqualTo(200);
        assertProgress(afterDr.json(), session, "IN_PROGRESS", "F2F");

        var afterF2f = phone.send("POST", "/flow/" + session + "/captures?technology=F2F", null, BodyPublishers.noBody());
        assertThat(afterF2f.status()).as(afterF2f.body()).isEqualTo(200);
        assertThat(afterF2f.json().path("status").asString()).isEqualTo("FINISHED");
        assertThat(afterF2f.json().path("finished").asBoolean()).isTrue();
        assertThat(afterF2f.json().path("current_step").isNull()).isTrue();

        var light = light(sandboxFlow, session).json();
        assertThat(light.path("status").asString()).isEqualTo("FINISHED");
        assertThat(light.path("overall_result").asBoolean()).isTrue();
        assertThat(kinds(light.path("liveness_result"))).containsExactly("liveness_frame", "liveness_frame", "liveness_frame", "selfie");
        assertThat(kinds(light.path("document_recognition_result"))).containsExactly("document_front", "document_back", "document_portrait");
        assertThat(light.path("face2face_result").path("result").asBoolean()).isTrue();
        assertThat(light.path("face2face_result").path("sandbox").asBoolean()).isTrue();
        var served = new ArrayList<byte[]>();
        for (var link : light.path("liveness_result").path("media")) {
            served.add(fetch(link.path("url").asString()));
        }
        assertThat(served.subList(0, 3)).containsExactlyElementsOf(frames);
        assertThat(served.get(3)).as("the selfie LD kept: the engine's pick among the frames").isEqualTo(frames.get(0));
        var drMedia = light.path("document_recognition_result").path("media");
        assertThat(fetch(drMedia.get(0).path("url").asString())).isEqualTo(front);
        assertThat(fetch(drMedia.get(1).path("url").asString())).isEqualTo(back);
        assertThat(drMedia.get(1).path("content_type").asString()).isEqualTo("image/jpeg");
    }

    @Test
    void aSelfieFlowWithAnEDocumentFinishesAndTheSelfieIsStoredOnce() throws Exception {
        var flow = data.flow(data.org().organization().id(), LD, TechnologyCode.ED, F2F);
        var session = session(flow);
        var phone = browser();
        phone.start(session);
        var selfie = FlowBrowser.image("jpg", 720, 960, 31);
        assertThat(phone.captures(session, new Multipart().text("technology", "LD").file("selfie", "image/jpeg", selfie)).status())
                .isEqualTo(200);
        phone.captures(session, "?technology=ED", new Multipart().png("selfie", selfie)).assertProblem(400, "unexpected_part");
        assertThat(phone.send("POST", "/flow/" + session + "/captures?technology=ED", null, BodyPublishers.noBody()).status())
                .isEqualTo(200);
        var done = phone.captures(session, new Multipart().text("technology", "F2F"));
        assertThat(done.json().path("status").asString()).as(done.body()).isEqualTo("FINISHED");

        var light = light(flow, session).json();
        assertThat(kinds(light.path("liveness_result"))).as("the kept selfie is the one sent").containsExactly("selfie");
        assertThat(fetch(light.path("liveness_result").path("media").get(0).path("url").asString())).isEqualTo(selfie);
    }

    @Test
    void aDigitalSignatureStepTakesExactlyOneSignedFile() {
        var flow = data.flow(data.org().organization().id(), TechnologyCode.DSI);
        var session = session(flow);
        var phone = browser();
        phone.start(session);
        var cms = new byte[] {0x30, (byte) 0x82, 0, 1};
        phone.captures(session, new Multipart().text("technology", "DSI")).assertProblem(400, "validation_failed");
        phone.captures(session, new Multipart().text("technology", "DSI").file("signed_file", "application/pkcs7-signature", cms)
                .file("signed_file", "application/pkcs7-signature", cms)).assertProblem(400, "validation_failed");
        phone.captures(session, new Multipart().text("technology", "DSI").png("selfie", FlowBrowser.image("png", 240, 320, 1)))
                .assertProblem(400, "unexpected_part");
        phone.captures(session, new Multipart().text("technology", "DSI").file("signed_file", "application/pkcs7-signature",
                new byte[1024 * 1024 + 1])).assertProblem(413, "capture_too_large");
        assertThat(phone.progress(session).json().path("steps").get(0).path("attempts").asInt()).isZero();

        var signed = phone.captures(session, new Multipart().text("technology", "DSI").file("signed_file", "application/pkcs7-signature", cms));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().path("status").asString()).as("the sandbox engine passes it").isEqualTo("FINISHED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media WHERE session_id = ?").param(UUID.fromString(session)).query(Long.class).single())
                .as("a signed file is not media").isZero();

        var ld = session(sandboxFlow);
        phone.start(ld);
        phone.captures(ld, ldBurst(1).file("signed_file", "application/pkcs7-signature", cms)).assertProblem(400, "unexpected_part");
    }

    @Test
    void aSandboxOutcomeFailsEachAttemptUntilTheSessionFails() {
        var session = session(sandboxFlow);
        var phone = browser();
        phone.start(session);
        JsonNode progress = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            var answer = phone.captures(session, new Multipart().text("technology", "LD").text("outcome", "eye_closed")
                    .png("selfie", FlowBrowser.image("png", 480, 640, 20 + attempt)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            progress = answer.json();
            if (attempt < 3) {
                assertThat(progress.path("current_step").path("attempts").asInt()).isEqualTo(attempt);
                assertThat(progress.path("current_step").path("attempts_left").asInt()).isEqualTo(3 - attempt);
                assertThat(progress.path("steps").get(0).path("status").asString()).isEqualTo("IN_PROGRESS");
            }
        }
        assertThat(progress.path("status").asString()).isEqualTo("FAILED");
        assertThat(progress.path("finished").asBoolean()).isTrue();
        assertThat(progress.path("steps").get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(progress.path("steps").get(0).path("attempts_left").asInt()).isZero();
        assertThat(progress.toString()).doesNotContain("eye_closed");

        var light = light(sandboxFlow, session).json();
        assertThat(light.path("status").asString()).isEqualTo("FAILED");
        assertThat(light.path("failure_reasons").get(0).path("type").asString()).isEqualTo("eye_closed");
        assertThat(kinds(light.path("liveness_result"))).containsExactly("selfie", "selfie", "selfie");
        phone.captures(session, ldBurst(1)).assertProblem(409, "session_closed");
    }

    // ---- rate limit and privacy -----------------------------------------------------------------------------

    @Test
    void aSessionOverItsBudgetIsAnswered429WithRetryAfter() {
        var session = session(sandboxFlow);
        var desktop = browser();
        for (int i = 0; i < 30; i++) {
            assertThat(desktop.start(session).status()).as("request %d", i + 1).isEqualTo(200);
        }
        var limited = desktop.start(session);
        limited.assertProblem(429, "rate_limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(browser().start(session).status()).as("whoever asks").isEqualTo(429);
        assertThat(desktop.progress(session).status()).as("reads have their own budget").isEqualTo(200);
        assertThat(browser().start(session(sandboxFlow)).status()).as("another session").isEqualTo(200);
    }

    @Test
    void progressNeverShowsResultsMediaOrAnythingPersonal() {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + sandboxFlow.apiKey()
                + "\",\"metadata\":{\"full_name\":\"Jane Q. Public\",\"user_id\":\"u-4242\"}}");
        var session = created.json().path("session_id").asString();
        var phone = browser();
        phone.start(session);
        walkToFinished(phone, session);
        for (var answer : List.of(phone.progress(session), phone.start(session))) {
            var view = answer.json();
            var fields = new HashSet<String>();
            view.propertyNames().forEach(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("session_id", "status", "sandbox", "current_step", "steps",
                    "expires_at", "finished", "read_only");
            for (var step : view.path("steps")) {
                var stepFields = new HashSet<String>();
                step.propertyNames().forEach(stepFields::add);
                assertThat(stepFields).containsExactlyInAnyOrder("technology", "status", "attempts", "max_attempts", "attempts_left");
            }
            assertThat(answer.body()).doesNotContain("Jane", "u-4242", "metadata", "media", "url", "result", "SANDBOX",
                    "prediction", "similarity", "failure");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    FlowBrowser browser() {
        return new FlowBrowser(port);
    }

    String session(IssuedFlow flow) {
        var created = http.postJson("/api/v1/flows/session/create/", "{\"api_key\":\"" + flow.apiKey() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("session_id").asString();
    }

    static Multipart ldBurst(int frames) {
        var form = new Multipart().text("technology", "LD");
        for (int i = 0; i < frames; i++) {
            form.png("frame", FlowBrowser.image("png", 240, 320, 100 + i));
        }
        return form;
    }

    void walkToFinished(FlowBrowser phone, String session) {
        assertThat(phone.captures(session, ldBurst(2)).status()).isEqualTo(200);
        assertThat(phone.captures(session, new Multipart().text("technology", "DR")
                .png("document_front", FlowBrowser.image("png", 428, 270, 7))).status()).isEqualTo(200);
        var last = phone.captures(session, new Multipart().text("technology", "F2F"));
        assertThat(last.json().path("status").asString()).as(last.body()).isEqualTo("FINISHED");
    }

    Http.Response light(IssuedFlow flow, String session) {
        return http.get("/api/v1/flows/session/result/light/" + Http.query("session_id", session, "flow_api_key", flow.apiKey()));
    }

    long mediaRows(String session) {
        return jdbc.sql("SELECT COUNT(*) FROM media WHERE session_id = ?").param(UUID.fromString(session)).query(Long.class).single();
    }

    String sessionStatus(String session) {
        return jdbc.sql("SELECT status FROM flow_session WHERE id = ?").param(UUID.fromString(session)).query(String.class).single();
    }

    static String token(Http.Response handoff) {
        assertThat(handoff.status()).as(handoff.body()).isEqualTo(200);
        var url = handoff.json().path("handoff_url").asString();
        return url.substring(url.indexOf("#handoff=") + "#handoff=".length());
    }

    static List<String> kinds(JsonNode block) {
        var kinds = new ArrayList<String>();
        block.path("media").forEach(link -> kinds.add(link.path("kind").asString()));
        return kinds;
    }

    /** A signed link's bytes, asked of the local server (the link names the public base URL). */
    byte[] fetch(String url) throws Exception {
        var uri = java.net.URI.create(url);
        var local = java.net.URI.create("http://localhost:" + port + uri.getRawPath() + "?" + uri.getRawQuery());
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(local).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static void assertProgress(JsonNode progress, String session, String status, String currentTechnology) {
        assertThat(progress.path("session_id").asString()).isEqualTo(session);
        assertThat(progress.path("status").asString()).isEqualTo(status);
        assertThat(progress.path("sandbox").asBoolean()).isTrue();
        assertThat(progress.path("current_step").path("technology").asString()).isEqualTo(currentTechnology);
        assertThat(progress.path("current_step").path("max_attempts").asInt()).isEqualTo(3);
        assertThat(progress.path("steps")).hasSize(3);
        assertThat(progress.path("finished").asBoolean()).isFalse();
        assertThat(progress.path("expires_at").asString()).isNotBlank();
    }
}
