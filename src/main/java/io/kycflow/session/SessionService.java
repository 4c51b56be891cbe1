package io.kycflow.session;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kycflow.flow.Flow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.internal.SessionRepository;
import io.kycflow.shared.Ids;
import io.kycflow.shared.KycException;
import io.kycflow.storage.GroupCommit;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates sessions, applies verification attempts step by step, and guards the status lifecycle; every transition
 * is announced as a {@link SessionEvent} in the transaction that made it.
 */
@Service
public class SessionService {

    private final SessionRepository sessions;
    private final GroupCommit<Session> groupCommit;
    private final TechnologyCatalog catalog;
    private final OrganizationService organizations;
    private final SessionProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    SessionService(SessionRepository sessions, GroupCommit<Session> groupCommit, TechnologyCatalog catalog,
                   OrganizationService organizations, SessionProperties properties,
                   PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.events = events;
        this.sessions = sessions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.groupCommit = groupCommit;
        this.catalog = catalog;
        this.organizations = organizations;
        this.properties = properties;
    }

    /** Creates and stores a session; when this returns, the session is committed. */
    public Session create(Flow flow, @Nullable JsonNode metadata) {
        var now = now();
        var steps = new ArrayList<SessionStep>();
        for (int i = 0; i < flow.technologyIds().size(); i++) {
            var technology = catalog.find(flow.technologyIds().get(i)).orElseThrow();
            var config = flow.technologyConfigs().path(technology.configField());
            steps.add(new SessionStep(i, technology.id(), technology.code(), StepStatus.PENDING, 0,
                    technology.provider().maxAttempts(config), null, null, null, null));
        }
        var sandbox = organizations.get(flow.organizationId()).sandbox();
        var session = new Session(Ids.timeOrdered(), flow.id(), flow.organizationId(), SessionStatus.CREATED, sandbox,
                null, checkedMetadata(metadata), now, null, null,
                now.plusMinutes(flow.sessionTtlMinutes()), steps);
        groupCommit.insert(session);
        return session;
    }

    /** The session if it belongs to the organization; another organization's session is simply "not found". */
    public Session get(UUID organizationId, UUID sessionId) {
        return sessions.find(sessionId).filter(s -> s.organizationId().equals(organizationId))
                .map(this::expireIfDue).orElseThrow(() -> notFound(sessionId));
    }

    /** Every attempt at the organization's session's steps, for review ("not found" for another organization's). */
    public java.util.List<StepAttempt> attempts(UUID organizationId, UUID sessionId) {
        get(organizationId, sessionId);
        return sessions.attempts(sessionId);
    }

    /** The session if it was created against the flow (the runtime API's view). */
    public Session getForFlow(UUID flowId, UUID sessionId) {
        return sessions.find(sessionId).filter(s -> s.flowId().equals(flowId))
                .map(this::expireIfDue).orElseThrow(() -> notFound(sessionId));
    }

    /**
     * The session by its id alone, for the end user's browser, where the session id in the link (and the device
     * binding the caller checks) is the credential rather than a key. Callers must not show anything personal from it.
     */
    public java.util.Optional<Session> find(UUID sessionId) {
        return sessions.find(sessionId).map(this::expireIfDue);
    }

    public String verificationUrl(UUID sessionId) {
        return properties.verificationUrl(sessionId);
    }

    /**
     * Applies one attempt at the session's current step: the step passes, fails for good after its last attempt
     * (failing the session), or stays open for another try. Steps run strictly in flow order.
     */
    @Transactional
    public Session recordAttempt(UUID sessionId, TechnologyCode technology, AttemptOutcome outcome) {
        var session = expireIfDue(sessions.lock(sessionId).orElseThrow(() -> notFound(sessionId)));
        if (!session.status().isOpen()) {
            throw KycException.conflict("session_closed", "session_id",
                    "Session " + sessionId + " is " + session.status() + " and takes no more attempts.");
        }
        var step = session.steps().stream().filter(s -> s.status() != StepStatus.PASSED).findFirst().orElseThrow();
        if (step.technology() != technology) {
            throw KycException.conflict("step_out_of_order", "technology",
                    "The current step of session " + sessionId + " is " + step.technology() + ", not " + technology + ".");
        }
        var now = now();
        int attemptNo = step.attempts() + 1;
        sessions.insertAttempt(sessionId, step.position(), technology, attemptNo, outcome.passed(), outcome.result(),
                outcome.failure(), now);
        var stepStatus = outcome.passed() ? StepStatus.PASSED
                : attemptNo >= step.maxAttempts() ? StepStatus.FAILED : StepStatus.IN_PROGRESS;
        var updatedStep = new SessionStep(step.position(), step.technologyId(), step.technology(), stepStatus, attemptNo,
                step.maxAttempts(), outcome.result(), outcome.failure(), step.startedAt() == null ? now : step.startedAt(),
                stepStatus == StepStatus.IN_PROGRESS ? null : now);

        var steps = new ArrayList<>(session.steps());
        steps.set(step.position(), updatedStep);
        var allPassed = steps.stream().allMatch(s -> s.status() == StepStatus.PASSED);
        var status = stepStatus == StepStatus.FAILED ? SessionStatus.FAILED
                : allPassed ? SessionStatus.FINISHED : SessionStatus.IN_PROGRESS;
        var updated = new Session(session.id(), session.flowId(), session.organizationId(), status, session.sandbox(),
                status == SessionStatus.FINISHED ? Boolean.TRUE : status == SessionStatus.FAILED ? Boolean.FALSE : null,
                session.metadata(), session.createdAt(), session.startedAt() == null ? now : session.startedAt(),
                status.isOpen() ? null : now, session.expiresAt(), steps);
        sessions.update(updated);
        if (step.attempts() == 0) {
            events.publishEvent(new SessionEvent.StepStarted(sessionId, session.organizationId(), technology, now));
        }
        if (stepStatus != StepStatus.IN_PROGRESS) {
            events.publishEvent(new SessionEvent.StepCompleted(sessionId, session.organizationId(), technology,
                    stepStatus == StepStatus.PASSED, attemptNo, outcome.failure() == null ? null : outcome.failure().type(), now));
        }
        if (status == SessionStatus.FINISHED) {
            events.publishEvent(new SessionEvent.Finished(sessionId, session.organizationId(), now));
        } else if (status == SessionStatus.FAILED) {
            events.publishEvent(new SessionEvent.Failed(sessionId, session.organizationId(), steps.stream()
                    .filter(s -> s.status() == StepStatus.FAILED && s.failureReason() != null)
                    .map(s -> s.failureReason().type()).toList(), now));
        }
        return updated;
    }

    /**
     * The person declined the verification (on the hosted page): an open session ends FAILED with the session-level
     * failure reason {@value SessionViews#USER_DECLINED}, announced as {@link SessionEvent.Failed} like any failure.
     */
    @Transactional
    public Session decline(UUID sessionId) {
        var session = expireIfDue(sessions.lock(sessionId).orElseThrow(() -> notFound(sessionId)));
        var now = now();
        if (!session.status().isOpen() || !sessions.decline(sessionId, now)) {
            throw KycException.conflict("session_closed", "session_id",
                    "Session " + sessionId + " is " + session.status() + " and can no longer be declined.");
        }
        events.publishEvent(new SessionEvent.Failed(sessionId, session.organizationId(), List.of(SessionViews.USER_DECLINED), now));
        return sessions.find(sessionId).orElseThrow();
    }

    /** A reviewer's decision on a FINISHED or FAILED session. */
    @Transactional
    public Decision decide(UUID organizationId, UUID sessionId, SessionStatus target) {
        var session = sessions.lock(sessionId).filter(s -> s.organizationId().equals(organizationId))
                .map(this::expireIfDue).orElseThrow(() -> notFound(sessionId));
        if (!session.status().canBeReviewedTo(target)) {
            throw KycException.conflict("invalid_status_transition", "request_data.status",
                    "Session " + sessionId + " is " + session.status() + "; only FINISHED or FAILED sessions can be moved"
                            + " to APPROVED or DECLINED.");
        }
        var updated = new Session(session.id(), session.flowId(), session.organizationId(), target, session.sandbox(),
                session.overallResult(), session.metadata(), session.createdAt(),
                session.startedAt(), session.finishedAt(), session.expiresAt(), session.steps(), session.userDeclined());
        sessions.update(updated);
        events.publishEvent(new SessionEvent.Decided(sessionId, organizationId, session.status(), target, now()));
        return new Decision(session.status(), updated);
    }

    /** A reviewer's move: the status the session had and the session as it is now. */
    public record Decision(SessionStatus from, Session session) {
    }

    private Session expireIfDue(Session session) {
        var now = now();
        // a transaction even when reading: only committed transactions are flushed to disk on the embedded default
        if (session.status().isOpen() && !session.expiresAt().isAfter(now)
                && Boolean.TRUE.equals(transactions.execute(status -> expire(session, now)))) {
            return sessions.find(session.id()).orElseThrow();
        }
        return session;
    }

    /** Moves an open session past its TTL to EXPIRED, announcing it in the same transaction; false if it moved on. */
    private boolean expire(Session session, OffsetDateTime now) {
        if (!sessions.expire(session.id(), now)) {
            return false;
        }
        events.publishEvent(new SessionEvent.Expired(session.id(), session.organizationId(), now));
        return true;
    }

    private @Nullable ObjectNode checkedMetadata(@Nullable JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        if (!metadata.isObject()) {
            throw KycException.invalid("metadata", "metadata must be a JSON object");
        }
        if (metadata.toString().getBytes(StandardCharsets.UTF_8).length > properties.maxMetadata().toBytes()) {
            throw KycException.invalid("metadata", "metadata must be at most " + properties.maxMetadata().toBytes()
                    + " bytes of JSON");
        }
        return (ObjectNode) metadata;
    }

    private static KycException notFound(UUID sessionId) {
        return KycException.notFound("session_not_found", "No session with id " + sessionId + " is visible with this key.");
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
