package io.kycflow.session.internal;

import java.util.List;

import io.kycflow.session.Session;
import io.kycflow.session.SessionEvent;
import io.kycflow.session.SessionStatus;
import io.kycflow.storage.GroupCommit;
import io.kycflow.storage.GroupCommits;
import io.kycflow.storage.GroupCommittedTable;
import io.kycflow.storage.JournalInput;
import io.kycflow.storage.JournalOutput;
import io.kycflow.technology.TechnologyCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * New sessions through the storage module's group commit. A session is announced ({@link SessionEvent.Created}) in
 * the transaction that inserts it, so the event is as durable as the session: on the embedded default both are
 * in the batch's transaction, and a session restored from the journal after a crash is announced again then.
 */
@Configuration(proxyBeanMethods = false)
class SessionTable implements GroupCommittedTable<Session> {

    /** Values per journaled session; journals written before the steps column held a plan string in its place. */
    private static final int JOURNAL_VALUES = 12;

    private final SessionRepository sessions;
    private final ApplicationEventPublisher events;
    private final TechnologyCatalog catalog;
    private final JsonMapper json;

    SessionTable(SessionRepository sessions, ApplicationEventPublisher events, TechnologyCatalog catalog, JsonMapper json) {
        this.sessions = sessions;
        this.events = events;
        this.catalog = catalog;
        this.json = json;
    }

    @Bean
    GroupCommit<Session> sessionGroupCommit(GroupCommits commits) {
        return commits.of(this);
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public void insert(List<Session> rows) {
        sessions.insertAll(rows);
        rows.forEach(this::announce);
    }

    @Override
    public boolean restore(Session row) {
        if (sessions.exists(row.id())) {
            return false;
        }
        insert(List.of(row));
        return true;
    }

    @Override
    public void delete(List<Session> rows) {
        sessions.deleteAll(rows);
    }

    @Override
    public void write(Session s, JournalOutput out) {
        out.uuid(s.id()).uuid(s.flowId()).uuid(s.organizationId()).string(s.status().name()).bool(s.sandbox())
                .bool(s.overallResult()).string(s.metadata() == null ? null : s.metadata().toString())
                .string(StepsColumn.write(s.steps())).timestamp(s.createdAt()).timestamp(s.startedAt())
                .timestamp(s.finishedAt()).timestamp(s.expiresAt());
    }

    @Override
    public Session read(JournalInput in) {
        var id = in.uuid();
        var flowId = in.uuid();
        var organizationId = in.uuid();
        var status = SessionStatus.valueOf(in.string());
        var sandbox = in.bool();
        var overall = in.bool();
        var metadata = in.string();
        var steps = in.string();
        var createdAt = in.timestamp();
        var startedAt = in.timestamp();
        var finishedAt = in.timestamp();
        var expiresAt = in.timestamp();
        if (in.count() > JOURNAL_VALUES) {
            in.timestamp(); // journals written before the steps column also held updated_at, always created_at
        }
        if (id == null || flowId == null || organizationId == null || sandbox == null || steps == null
                || createdAt == null || expiresAt == null) {
            throw new IllegalArgumentException("a journaled session misses a required value");
        }
        return new Session(id, flowId, organizationId, status, sandbox, overall,
                metadata == null ? null : (ObjectNode) json.readTree(metadata), createdAt, startedAt, finishedAt, expiresAt,
                steps.startsWith("[") ? StepsColumn.read(steps, catalog) : StepsColumn.fromPlan(steps, catalog));
    }

    private void announce(Session s) {
        events.publishEvent(new SessionEvent.Created(s.id(), s.organizationId(), s.flowId(), s.sandbox(), s.createdAt()));
    }
}
