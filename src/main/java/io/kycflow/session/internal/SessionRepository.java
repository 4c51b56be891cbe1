package io.kycflow.session.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.session.FailureReason;
import io.kycflow.session.Session;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.SessionStep;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.TechnologyCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Repository
public class SessionRepository {

    private static final String SESSION_COLUMNS = """
            s.id, s.flow_id, s.organization_id, s.status, s.sandbox, s.overall_result, s.metadata, s.created_at, \
            s.started_at, s.finished_at, s.expires_at, s.steps_plan""";
    private static final int SESSION_COLUMN_COUNT = 12;
    private static final String STEP_COLUMNS = """
            st.position, st.technology_id, st.status, st.attempts, st.max_attempts, st.result, st.failure_type, \
            st.failure_detail, st.started_at, st.finished_at""";

    private static final String INSERT_SESSION = """
            INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox, overall_result, metadata, steps_plan,
                created_at, started_at, finished_at, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_STEP = """
            INSERT INTO session_step (session_id, position, technology_id, status, attempts, max_attempts)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final TechnologyCatalog catalog;

    SessionRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, TechnologyCatalog catalog) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.catalog = catalog;
    }

    public void insert(Session s) {
        insertAll(List.of(s));
    }

    /**
     * New sessions as one JDBC batch of a fixed statement (group commit writes many at once; one text keeps the
     * database's parsed-statement cache hot). A new session is one row: its steps are its plan until the first
     * attempt writes them out ({@link #writePlannedSteps}).
     */
    public void insertAll(List<Session> sessions) {
        insertRows(rows(sessions));
    }

    /** The parameters of {@link #INSERT_SESSION} for each session, also what the session journal records. */
    List<Object[]> rows(List<Session> sessions) {
        var rows = new ArrayList<Object[]>(sessions.size());
        for (var s : sessions) {
            rows.add(new Object[] {s.id(), s.flowId(), s.organizationId(), s.status().name(), s.sandbox(),
                    s.overallResult(), s.metadata() == null ? null : s.metadata().toString(), StepsPlan.of(s.steps()),
                    s.createdAt(), s.startedAt(), s.finishedAt(), s.expiresAt(), s.createdAt()});
        }
        return rows;
    }

    /**
     * Binds each value with {@code setObject} as it is: the row's types are fixed by {@link #rows}, and
     * JdbcTemplate's per-value type inference was a seventh of the writer's time per session.
     */
    void insertRows(List<Object[]> rows) {
        batch.batchUpdate(INSERT_SESSION, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int index) throws SQLException {
                var row = rows.get(index);
                for (int column = 0; column < row.length; column++) {
                    statement.setObject(column + 1, row[column]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** Replays a journaled row: inserted unless the session is stored already (possibly changed since). */
    boolean insertIfAbsent(Object[] row) {
        var stored = jdbc.sql("SELECT COUNT(*) FROM flow_session WHERE id = ?").param(row[0]).query(Long.class).single();
        if (stored > 0) {
            return false;
        }
        batch.update(INSERT_SESSION, row);
        return true;
    }

    /** Takes back rows whose acknowledgement failed (see the session group commit). */
    void deleteRows(List<Object[]> rows) {
        batch.batchUpdate("DELETE FROM flow_session WHERE id = ?", rows.stream().map(r -> new Object[] {r[0]}).toList());
    }

    /** Writes a session's step rows from its plan (see {@link #lock}); call under the session's row lock. */
    public void writePlannedSteps(Session s) {
        batch.batchUpdate(INSERT_STEP, s.steps().stream().map(step -> new Object[] {s.id(), step.position(),
                step.technologyId(), step.status().name(), step.attempts(), step.maxAttempts()}).toList());
    }

    /** The session and its steps in one round trip (the light result's hot path). */
    public Optional<Session> find(UUID id) {
        var session = new Session[1];
        var plan = new String[1];
        var steps = new ArrayList<SessionStep>();
        jdbc.sql("SELECT " + SESSION_COLUMNS + ", " + STEP_COLUMNS + """
                         FROM flow_session s LEFT JOIN session_step st ON st.session_id = s.id
                        WHERE s.id = ? ORDER BY st.position""")
                .param(id).query(rs -> {
                    if (session[0] == null) {
                        session[0] = mapSession(rs);
                        plan[0] = rs.getString(SESSION_COLUMN_COUNT);
                    }
                    if (rs.getObject(SESSION_COLUMN_COUNT + 1) != null) {
                        steps.add(mapStep(rs, SESSION_COLUMN_COUNT));
                    }
                });
        return Optional.ofNullable(session[0]).map(found -> withSteps(found, steps, plan[0]));
    }

    /**
     * Reads the session and locks its row until the transaction ends, so attempts are applied one at a time.
     * {@code stepsPlanned}: its step rows are not written yet, its steps are those of its plan.
     */
    public Optional<Locked> lock(UUID id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM flow_session s WHERE s.id = ? FOR UPDATE").param(id)
                .query((rs, n) -> new Planned(mapSession(rs), rs.getString(SESSION_COLUMN_COUNT))).optional()
                .map(row -> {
                    var rows = steps(id);
                    return new Locked(withSteps(row.session(), rows, row.plan()), rows.isEmpty() && row.plan() != null);
                });
    }

    public record Locked(Session session, boolean stepsPlanned) {
    }

    public void updateSession(Session s) {
        jdbc.sql("""
                        UPDATE flow_session SET status = ?, overall_result = ?, started_at = ?, finished_at = ?,
                            updated_at = ? WHERE id = ?""")
                .params(s.status().name(), s.overallResult(), s.startedAt(), s.finishedAt(), OffsetDateTime.now(), s.id())
                .update();
    }

    /** Moves an open session to EXPIRED unless something else changed it first. */
    public boolean expire(UUID id, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE flow_session SET status = 'EXPIRED', finished_at = ?, updated_at = ?
                        WHERE id = ? AND status IN ('CREATED', 'IN_PROGRESS') AND expires_at <= ?""")
                .params(now, now, id, now).update() == 1;
    }

    public void updateStep(UUID sessionId, SessionStep step) {
        var failure = step.failureReason();
        jdbc.sql("""
                        UPDATE session_step SET status = ?, attempts = ?, result = ?, failure_type = ?, failure_detail = ?,
                            started_at = ?, finished_at = ? WHERE session_id = ? AND position = ?""")
                .params(step.status().name(), step.attempts(), step.result() == null ? null : step.result().toString(),
                        failure == null ? null : failure.type(), failure == null ? null : failure.detail(),
                        step.startedAt(), step.finishedAt(), sessionId, step.position())
                .update();
    }

    public void insertAttempt(UUID sessionId, int position, int attemptNo, boolean passed, ObjectNode result,
                              @Nullable FailureReason failure, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO step_attempt (session_id, position, attempt_no, passed, result, failure_type,
                            failure_detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sessionId, position, attemptNo, passed, result.toString(),
                        failure == null ? null : failure.type(), failure == null ? null : failure.detail(), at)
                .update();
    }

    private List<SessionStep> steps(UUID sessionId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM session_step st WHERE st.session_id = ? ORDER BY st.position")
                .param(sessionId).query((rs, n) -> mapStep(rs, 0)).list();
    }

    /** Columns are read by position: looking them up by label made the driver build a name map per query. */
    private SessionStep mapStep(ResultSet rs, int offset) throws SQLException {
        var technologyId = rs.getObject(offset + 2, UUID.class);
        return new SessionStep(rs.getInt(offset + 1), technologyId, catalog.find(technologyId).orElseThrow().code(),
                StepStatus.valueOf(rs.getString(offset + 3)), rs.getInt(offset + 4), rs.getInt(offset + 5),
                objectOrNull(rs.getString(offset + 6)), failure(rs.getString(offset + 7), rs.getString(offset + 8)),
                rs.getObject(offset + 9, OffsetDateTime.class), rs.getObject(offset + 10, OffsetDateTime.class));
    }

    private Session mapSession(ResultSet rs) throws SQLException {
        Boolean overall = rs.getBoolean(6);
        if (rs.wasNull()) {
            overall = null;
        }
        return new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                SessionStatus.valueOf(rs.getString(4)), rs.getBoolean(5), overall, objectOrNull(rs.getString(7)),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), List.of());
    }

    private record Planned(Session session, @Nullable String plan) {
    }

    /** The step rows once written, else the steps of the plan the session was created with. */
    private Session withSteps(Session s, List<SessionStep> rows, @Nullable String plan) {
        var steps = rows.isEmpty() ? StepsPlan.parse(plan, catalog) : rows;
        return new Session(s.id(), s.flowId(), s.organizationId(), s.status(), s.sandbox(), s.overallResult(),
                s.metadata(), s.createdAt(), s.startedAt(), s.finishedAt(), s.expiresAt(), steps);
    }

    private @Nullable ObjectNode objectOrNull(@Nullable String text) {
        return text == null ? null : (ObjectNode) json.readTree(text);
    }

    private static @Nullable FailureReason failure(@Nullable String type, @Nullable String detail) {
        return type == null ? null : new FailureReason(type, detail == null ? "" : detail);
    }
}
