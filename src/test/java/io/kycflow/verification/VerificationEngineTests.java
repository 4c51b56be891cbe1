package io.kycflow.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.FailureReason;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.StepStatus;
import io.kycflow.shared.KycException;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verification-engine boundary on a real database: engines chosen by the session's kind, blocks held to the
 * technology's declared result schema, the sandbox driven through the same capture → engine → step path, and
 * PRODUCTION never reaching a sandbox engine.
 */
@SpringBootTest(properties = {"kycflow.data-dir=target/test-data/engines-${random.uuid}", "kycflow.demo.enabled=false"})
class VerificationEngineTests {

    @Autowired
    VerificationEngines engines;

    @Autowired
    SandboxVerifier sandbox;

    @Autowired
    SessionService sessions;

    @Autowired
    OrganizationService organizations;

    @Autowired
    FlowService flows;

    @Autowired
    TechnologyCatalog catalog;

    @Test
    void theSandboxEngineAnswersEveryOutcomeOfEveryTechnologyInItsDeclaredShapeAndLabelsIt() {
        for (var technology : TechnologyCode.values()) {
            var schema = catalog.get(technology).resultSchema();
            var outcomes = new ArrayList<>(List.of("pass", "fail"));
            schema.failureReasons().forEach(reason -> outcomes.add(reason.code()));
            for (var outcome : outcomes) {
                // verify() itself refuses a block that breaks the schema; the assertions say what the tester sees
                var verdict = engines.verify(true, input(technology, outcome));
                assertThat(verdict.result().path("sandbox").asBoolean()).isTrue();
                assertThat(verdict.result().path("provider").asString()).isEqualTo(SandboxVerifier.PROVIDER);
                assertThat(verdict.passed()).as("%s %s", technology, outcome).isEqualTo(outcome.equals("pass"));
                if (!outcome.equals("pass") && !outcome.equals("fail")) {
                    assertThat(verdict.failure().type()).isEqualTo(outcome);
                    assertThat(verdict.result().path("failure_reason").path("type").asString()).isEqualTo(outcome);
                }
                assertThat(schema.problems(verdict.result())).isEmpty();
            }
        }
    }

    @Test
    void passedStepsHandTheirArtefactsToLaterSteps() {
        assertThat(engines.verify(true, input(TechnologyCode.LD, "pass")).artefacts()).extracting(Artefact::name)
                .containsExactly(Artefact.SELFIE);
        assertThat(engines.verify(true, input(TechnologyCode.DR, "pass")).artefacts()).extracting(Artefact::name)
                .containsExactly(Artefact.REFERENCE_FACE);
        assertThat(engines.verify(true, input(TechnologyCode.LD, "fail")).artefacts()).isEmpty();
    }

    @Test
    void aProductionSessionNeverReachesASandboxEngine() {
        for (var technology : TechnologyCode.values()) {
            if (technology == TechnologyCode.DR && engines.available(false, technology)) {
                // the real DR engine (installed with the OCR-B font) answers, unlabelled: no document, no pass
                var verdict = engines.verify(false, input(technology, null));
                assertThat(verdict.result().path("sandbox").asBoolean()).isFalse();
                assertThat(verdict.passed()).isFalse();
                continue;
            }
            assertThat(engines.available(false, technology)).isFalse();
            assertThatThrownBy(() -> engines.verify(false, input(technology, null)))
                    .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("nothing was recorded");
        }
        var data = new TestData(organizations, flows, catalog);
        var org = data.org(OrganizationStatus.PRODUCTION, TechnologyCode.values());
        var session = sessions.create(data.flow(org.organization().id(), TechnologyCode.LD).flow(), null);
        assertThatThrownBy(() -> sandbox.complete(session, Map.of()))
                .isInstanceOfSatisfying(KycException.class, e -> assertThat(e.code()).isEqualTo("sandbox_only"));
        assertThat(sessions.get(org.organization().id(), session.id()).status()).isEqualTo(SessionStatus.CREATED);
    }

    @Test
    void theSandboxFinishesASessionWithTheOutcomesPickedPerTechnology() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD, TechnologyCode.DR, TechnologyCode.F2F);

        var passed = sandbox.complete(sessions.create(flow.flow(), null), Map.of());
        assertThat(passed.status()).isEqualTo(SessionStatus.FINISHED);
        assertThat(passed.steps()).allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.PASSED));

        var failed = sandbox.complete(sessions.create(flow.flow(), null), Map.of(TechnologyCode.DR, "mrz_unreadable"));
        assertThat(failed.status()).isEqualTo(SessionStatus.FAILED);
        var dr = failed.steps().get(1);
        assertThat(dr.status()).isEqualTo(StepStatus.FAILED);
        assertThat(dr.attempts()).isEqualTo(dr.maxAttempts());
        assertThat(dr.failureReason().type()).isEqualTo("mrz_unreadable");
        assertThat(failed.steps().get(2).status()).isNotEqualTo(StepStatus.PASSED);

        assertThatThrownBy(() -> sandbox.complete(failed, Map.of()))
                .isInstanceOfSatisfying(KycException.class, e -> assertThat(e.code()).isEqualTo("session_closed"));
        assertThatThrownBy(() -> sandbox.complete(sessions.create(flow.flow(), null), Map.of(TechnologyCode.LD, "face_mismatch")))
                .isInstanceOfSatisfying(KycException.class, e -> assertThat(e.getMessage()).contains("liveness_not_confirmed"));
    }

    @Test
    void attemptsRacingOnOneStepAreAllRecorded() throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), null, "{\"liveness_config\": {\"max_attempts\": 10}}", TechnologyCode.LD);
        for (int round = 0; round < 5; round++) {
            var session = sessions.create(flow.flow(), null);
            int racers = 6;
            var start = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(racers)) {
                var futures = new ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < racers; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return sessions.recordAttempt(session.id(), TechnologyCode.LD, AttemptOutcome.fail(
                                JsonNodeFactory.instance.objectNode(), new FailureReason("no_face", "racing")));
                    }));
                }
                start.countDown();
                for (var future : futures) {
                    future.get();
                }
            }
            var step = sessions.get(org.organization().id(), session.id()).steps().getFirst();
            assertThat(step.attempts()).as("round %d", round).isEqualTo(racers);
        }
    }

    private EngineInput input(TechnologyCode technology, String outcome) {
        return new EngineInput(java.util.UUID.randomUUID(), technology, JsonNodeFactory.instance.objectNode(),
                io.kycflow.verification.internal.SyntheticCaptures.forStep(technology), Map.of(), outcome);
    }
}
