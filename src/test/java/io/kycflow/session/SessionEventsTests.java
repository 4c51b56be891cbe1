package io.kycflow.session;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session lifecycle events through the event publication registry on a real database: one event per transition,
 * in order, delivered after commit; a publication whose listener failed stays in the registry to be delivered
 * again instead of being lost.
 */
@SpringBootTest(properties = {"kycflow.data-dir=target/test-data/events-${random.uuid}", "kycflow.demo.enabled=false"})
@Import(SessionEventsTests.Recorder.class)
class SessionEventsTests {

    @Autowired
    SessionService sessions;

    @Autowired
    OrganizationService organizations;

    @Autowired
    FlowService flows;

    @Autowired
    TechnologyCatalog catalog;

    @Autowired
    Recorder recorder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachTransitionIsPublishedOnceInOrder() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), null, "{\"liveness_config\": {\"max_attempts\": 2}}",
                TechnologyCode.LD, TechnologyCode.DR);
        var session = sessions.create(flow.flow(), null).id();

        sessions.recordAttempt(session, TechnologyCode.LD, fail("no_face"));
        sessions.recordAttempt(session, TechnologyCode.LD, pass());
        sessions.recordAttempt(session, TechnologyCode.DR, pass());
        sessions.decide(org.organization().id(), session, SessionStatus.APPROVED);

        assertThat(recorder.of(session)).extracting(event -> event.getClass().getSimpleName() + describe(event)).containsExactly(
                "Created", "StepStarted LD", "StepCompleted LD true", "StepStarted DR", "StepCompleted DR true", "Finished",
                "Decided FINISHED→APPROVED");
        assertThat(recorder.of(session)).allSatisfy(event -> assertThat(event.organizationId()).isEqualTo(org.organization().id()));
    }

    @Test
    void aFailedSessionAndAnExpiredOneAreAnnouncedOnce() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), null, "{\"liveness_config\": {\"max_attempts\": 1}}", TechnologyCode.LD);
        var failed = sessions.create(flow.flow(), null).id();
        sessions.recordAttempt(failed, TechnologyCode.LD, fail("eye_closed"));
        assertThat(recorder.of(failed)).extracting(event -> event.getClass().getSimpleName() + describe(event))
                .containsExactly("Created", "StepStarted LD", "StepCompleted LD false", "Failed [eye_closed]");

        var expired = sessions.create(flow.flow(), null).id();
        jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), expired).update();
        assertThat(sessions.get(org.organization().id(), expired).status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(sessions.get(org.organization().id(), expired).status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(recorder.of(expired)).extracting(event -> event.getClass().getSimpleName()).containsExactly("Created", "Expired");
    }

    @Test
    void aDeclinedSessionIsAnnouncedFailedOnceAndKeepsItsReasonThroughAReview() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD, TechnologyCode.DR);
        var declined = sessions.create(flow.flow(), null).id();
        sessions.recordAttempt(declined, TechnologyCode.LD, pass());
        var ended = sessions.decline(declined);
        assertThat(ended.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(ended.userDeclined()).isTrue();
        assertThat(ended.overallResult()).isFalse();
        assertThatThrownBy(() -> sessions.decline(declined)).isInstanceOf(io.kycflow.shared.KycException.class)
                .hasMessageContaining("can no longer be declined");
        assertThatThrownBy(() -> sessions.recordAttempt(declined, TechnologyCode.DR, pass()))
                .isInstanceOf(io.kycflow.shared.KycException.class);
        var reviewed = sessions.decide(org.organization().id(), declined, SessionStatus.DECLINED).session();
        assertThat(reviewed.userDeclined()).as("a review keeps why it ended").isTrue();
        assertThat(sessions.get(org.organization().id(), declined).userDeclined()).isTrue();
        assertThat(recorder.of(declined)).extracting(event -> event.getClass().getSimpleName() + describe(event)).containsExactly(
                "Created", "StepStarted LD", "StepCompleted LD true", "Failed [user_declined]", "Decided FAILED→DECLINED");
    }

    @Test
    void aPublicationWhoseListenerFailedIsKeptForRedelivery() {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), null, "{\"liveness_config\": {\"max_attempts\": 1}}", TechnologyCode.LD);
        var session = sessions.create(flow.flow(), null).id();
        Recorder.failFor = session;
        sessions.recordAttempt(session, TechnologyCode.LD, pass());
        assertThat(sessions.get(org.organization().id(), session).status()).isEqualTo(SessionStatus.FINISHED);
        var kept = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
                .param("%" + session + "%").query(Long.class).single();
        assertThat(kept).as("publications of the failed listener still waiting").isEqualTo(3);
        Recorder.failFor = null;
        var completedOthers = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL")
                .query(Long.class).single();
        assertThat(completedOthers).as("completed publications are deleted").isZero();
    }

    private static AttemptOutcome pass() {
        return AttemptOutcome.pass(JsonNodeFactory.instance.objectNode());
    }

    private static AttemptOutcome fail(String code) {
        return AttemptOutcome.fail(JsonNodeFactory.instance.objectNode(), new FailureReason(code, "test"));
    }

    private static String describe(SessionEvent event) {
        return switch (event) {
            case SessionEvent.StepStarted e -> " " + e.technology();
            case SessionEvent.StepCompleted e -> " " + e.technology() + " " + e.passed();
            case SessionEvent.Failed e -> " " + e.failureReasons();
            case SessionEvent.Decided e -> " " + e.from() + "→" + e.to();
            default -> "";
        };
    }

    /** A transactional listener, as webhooks and the Cabinet will be: the registry records a publication for it. */
    @TestConfiguration
    static class Recorder {

        // static: the configuration class's proxy and the listener bean are not necessarily one instance
        static final List<SessionEvent> events = new CopyOnWriteArrayList<>();
        static volatile UUID failFor;

        @TransactionalEventListener
        void on(SessionEvent event) {
            if (event.sessionId().equals(failFor)) {
                throw new IllegalStateException("listener down");
            }
            events.add(event);
        }

        List<SessionEvent> of(UUID session) {
            return events.stream().filter(event -> event.sessionId().equals(session)).toList();
        }
    }
}
