package io.kycflow.verification.internal.edocument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.kycflow.verification.internal.edocument.FakeGateway.ok;
import static io.kycflow.verification.internal.edocument.FakeGateway.slow;
import static io.kycflow.verification.internal.edocument.FakeGateway.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway adapter against a local HTTP server: answers, refusals, retries, timeouts and the circuit breaker. */
@ExtendWith(OutputCaptureExtension.class)
class HttpEDocumentGatewayTests {

    private static final String IIN = "900101300001";

    FakeGateway gateway;
    MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private HttpEDocumentGateway adapter(int maxAttempts, int failureThreshold) {
        return new HttpEDocumentGateway(new GatewayProperties(gateway.baseUrl(), "kycflow-client", "s3cret-value",
                Duration.ofSeconds(1), Duration.ofMillis(400), maxAttempts, Duration.ofMillis(10), failureThreshold,
                Duration.ofSeconds(30)), clock);
    }

    private static EDocumentQuery query() {
        return new EDocumentQuery(IIN, "IdentityCard", UUID.randomUUID());
    }

    @Test
    void aDocumentIsReadWithItsPortraitAndTheRequestFollowsTheContract(CapturedOutput output) throws Exception {
        gateway.then(ok(IIN));
        var query = query();
        var document = adapter(3, 5).fetch(query);

        assertThat(document.surname()).isEqualTo("NURLANOVA");
        assertThat(document.givenNames()).isEqualTo("ASEL");
        assertThat(document.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(document.documentNumber()).isEqualTo("043210987");
        assertThat(document.photoContentType()).isEqualTo("image/png");
        assertThat(document.photo()).isNotEmpty();
        var asked = gateway.asked.getFirst();
        assertThat(asked.path()).isEqualTo("/gateway/v1/edocuments/lookup");
        assertThat(asked.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("kycflow-client:s3cret-value".getBytes()));
        assertThat(asked.requestId()).isEqualTo(query.requestId().toString());
        assertThat(asked.body()).contains("\"iin\":\"" + IIN + "\"", "\"document_type\":\"IdentityCard\"");
        assertThat(output.getAll()).doesNotContain(IIN, "s3cret-value", "NURLANOVA");
    }

    @Test
    void notFoundAndDeclinedConsentAreAnswersNotRetried() {
        var adapter = adapter(3, 5);
        gateway.then(status(404, "{\"code\":\"not_found\"}"));
        assertFailure(adapter, EDocumentFailure.NOT_FOUND);
        assertThat(gateway.asked).hasSize(1);
        gateway.then(status(403, "{\"code\":\"consent_declined\"}"));
        assertFailure(adapter, EDocumentFailure.CONSENT_DECLINED);
        assertThat(gateway.asked).hasSize(2);
        assertThat(adapter.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilAnAnswer() throws Exception {
        gateway.then(status(503, ""), status(500, "oops"), ok(IIN));
        var document = adapter(3, 5).fetch(query());
        assertThat(document.surname()).isEqualTo("NURLANOVA");
        assertThat(gateway.asked).hasSize(3);
        assertThat(gateway.asked).extracting(FakeGateway.Asked::requestId).as("the same request each time").containsOnly(gateway.asked.getFirst().requestId());
    }

    @Test
    void serverErrorsPastTheLastAttemptMakeTheProviderUnavailable(CapturedOutput output) {
        gateway.then(status(502, ""));
        assertFailure(adapter(3, 5), EDocumentFailure.UNAVAILABLE);
        assertThat(gateway.asked).hasSize(3);
        assertThat(output.getAll()).contains("failed 3 time(s), last: HTTP 502");
    }

    @Test
    void aGatewaySlowerThanTheReadTimeoutIsRetriedThenUnavailable(CapturedOutput output) {
        gateway.then(slow(3_000));
        assertFailure(adapter(2, 5), EDocumentFailure.UNAVAILABLE);
        assertThat(gateway.asked).hasSize(2);
        assertThat(output.getAll()).contains("HttpTimeoutException");
    }

    @Test
    void misconfigurationAndBrokenAnswersAreNotRetried() {
        var adapter = adapter(3, 5);
        gateway.then(status(401, "{\"code\":\"unauthorized\"}"));
        assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        assertThat(gateway.asked).hasSize(1);
        gateway.then(status(200, "{\"document_type\":\"IdentityCard\"}"));
        assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        gateway.then(status(200, ok(IIN).body().replace("\"birth_date\":\"1990-01-01\"", "\"birth_date\":\"01.01.1990\"")));
        assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        gateway.then(status(200, ok(IIN).body().replaceAll("\"data\":\"[^\"]+\"", "\"data\":\"bm90IGFuIGltYWdl\"")));
        assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        assertThat(gateway.asked).hasSize(4);
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndRecoversThroughOneHalfOpenTrial() throws Exception {
        var adapter = adapter(1, 3);
        gateway.then(status(500, ""));
        for (int i = 0; i < 3; i++) {
            assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        }
        assertThat(adapter.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gateway.asked).hasSize(3);

        assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        assertThat(gateway.asked).as("open: refused without a request").hasSize(3);

        clock.advance(Duration.ofSeconds(31));
        assertFailure(adapter, EDocumentFailure.UNAVAILABLE); // the half-open trial fails: open again
        assertThat(gateway.asked).hasSize(4);
        assertThat(adapter.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertFailure(adapter, EDocumentFailure.UNAVAILABLE);
        assertThat(gateway.asked).hasSize(4);

        clock.advance(Duration.ofSeconds(31));
        gateway.then(ok(IIN));
        assertThat(adapter.fetch(query()).surname()).isEqualTo("NURLANOVA");
        assertThat(adapter.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(adapter.fetch(query()).surname()).isEqualTo("NURLANOVA");
        assertThat(gateway.asked).hasSize(6);
    }

    @Test
    void aHalfOpenBreakerLetsOnlyOneTrialThrough() {
        var breaker = new CircuitBreaker(1, Duration.ofSeconds(5), clock);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(breaker.tryAcquire()).as("the trial").isTrue();
        assertThat(breaker.tryAcquire()).as("a second caller while the trial runs").isFalse();
        breaker.onSuccess();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void withoutAGatewayTheStartLogSaysSoLoudly(CapturedOutput output) {
        EDocumentConfiguration.report(new GatewayProperties(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1),
                1, Duration.ZERO, 1, Duration.ZERO));
        assertThat(output.getAll()).contains("WARN", "E-DOCUMENT GATEWAY NOT CONFIGURED", "engine_unavailable");
        EDocumentConfiguration.report(new GatewayProperties(gateway.baseUrl(), "id", "s3cret-value", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ZERO, 1, Duration.ZERO));
        assertThat(output.getAll()).doesNotContain("s3cret-value");
    }

    private static void assertFailure(HttpEDocumentGateway adapter, String code) {
        assertThatThrownBy(() -> adapter.fetch(query())).isInstanceOfSatisfying(EDocumentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo(code));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
