package io.kycflow.session.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.kycflow.session.FailureReason;
import io.kycflow.session.Session;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.SessionSearch;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The session table: one row per session, its steps in one column ({@link StepsColumn}); attempts beside it. */
@Repository
public class SessionRepository {

    private static final String COLUMNS = """
            id, flow_id, organization_id, status, sandbox, overall_result, metadata, steps, created_at, started_at, \
            finished_at, expires_at""";
    /** What is read: the written columns and the decline, which only {@link #decline} sets. */
    private static final String SELECTED = COLUMNS + ", user_declined";
    private static final String SELECTED_FROM_S = "s." + SELECTED.replace(", ", ", s.");
    private static final String INSERT = "INSERT INTO flow_session (" + COLUMNS
            + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_METADATA = "INSERT INTO session_metadata (value_hash, session_id) VALUES (?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final TechnologyCatalog catalog;
    private final MetadataIndex metadataIndex;
    private final JdbcTemplate streaming;
    private final TransactionTemplate reads;

    SessionRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, TechnologyCatalog catalog,
                      MetadataIndex metadataIndex, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.catalog = catalog;
        this.metadataIndex = metadataIndex;
        this.streaming = new JdbcTemplate(java.util.Objects.requireNonNull(batch.getDataSource()));
        this.streaming.setFetchSize(1000);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    /**
     * New sessions as one JDBC batch of a fixed statement (the group commit writes many at once; one text keeps the
     * database's parsed-statement cache hot). Values are bound with {@code setObject} as they are: JdbcTemplate's
     * per-value type inference was a seventh of the writer's time per session.
     */
    void insertAll(List<Session> sessions) {
        batch.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int index) throws SQLException {
                var s = sessions.get(index);
                statement.setObject(1, s.id());
                statement.setObject(2, s.flowId());
                statement.setObject(3, s.organizationId());
                statement.setString(4, s.status().name());
                statement.setBoolean(5, s.sandbox());
                statement.setObject(6, s.overallResult());
                statement.setString(7, s.metadata() == null ? null : s.metadata().toString());
                statement.setString(8, StepsColumn.write(s.steps()));
                statement.setObject(9, s.createdAt());
                statement.setObject(10, s.startedAt());
                statement.setObject(11, s.finishedAt());
                statement.setObject(12, s.expiresAt());
                statement.setObject(13, s.createdAt());
            }

            @Override
            public int getBatchSize() {
                return sessions.size();
            }
        });
        insertMetadata(sessions);
    }

    /**
     * The hashed metadata values of new sessions ({@link MetadataIndex}), in the same transaction as the sessions: on
     * the embedded default that is the group commit's batch, journaled with it (a replay inserts them again).
     */
    private void insertMetadata(List<Session> sessions) {
        var rows = metadataRows(sessions);
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT_METADATA, rows);
        }
    }

    private List<Object[]> metadataRows(List<Session> sessions) {
        var rows = new ArrayList<Object[]>();
        for (var s : sessions) {
            if (s.metadata() != null) {
                for (var hash : metadataIndex.hashes(s.organizationId(), s.metadata())) {
                    rows.add(new Object[] {hash, s.id()});
                }
            }
        }
        return rows;
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM flow_session WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Takes back sessions whose acknowledgement failed (see the group commit). */
    void deleteAll(List<Session> sessions) {
        var rows = metadataRows(sessions);
        if (!rows.isEmpty()) { // by the whole key: the side table has no index on session_id alone
            batch.batchUpdate("DELETE FROM session_metadata WHERE value_hash = ? AND session_id = ?", rows);
        }
        batch.batchUpdate("DELETE FROM flow_session WHERE id = ?", sessions.stream().map(s -> new Object[] {s.id()}).toList());
    }

    /** The session with its steps: one row (the light result's hot path). */
    public Optional<Session> find(UUID id) {
        return jdbc.sql("SELECT " + SELECTED + " FROM flow_session WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Reads the session and locks its row until the transaction ends, so changes are applied one at a time. */
    public Optional<Session> lock(UUID id) {
        return jdbc.sql("SELECT " + SELECTED + " FROM flow_session WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    /** Writes what an attempt or a decision changes: status, outcome, times and steps. Call under the row lock. */
    public void update(Session s) {
        jdbc.sql("""
                        UPDATE flow_session SET status = ?, overall_result = ?, started_at = ?, finished_at = ?, steps = ?,
                            updated_at = ? WHERE id = ?""")
                .params(s.status().name(), s.overallResult(), s.startedAt(), s.finishedAt(), StepsColumn.write(s.steps()),
                        OffsetDateTime.now(), s.id())
                .update();
    }

    /** Moves an open session to EXPIRED unless something else changed it first. */
    public boolean expire(UUID id, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE flow_session SET status = 'EXPIRED', finished_at = ?, updated_at = ?
                        WHERE id = ? AND status IN ('CREATED', 'IN_PROGRESS') AND expires_at <= ?""")
                .params(now, now, id, now).update() == 1;
    }

    /** Ends an open session as declined by its person (FAILED, no verdict of a step); false if it was not open. */
    public boolean decline(UUID id, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE flow_session SET status = 'FAILED', overall_result = FALSE, user_declined = TRUE,
                            finished_at = ?, updated_at = ? WHERE id = ? AND status IN ('CREATED', 'IN_PROGRESS')""")
                .params(now, now, id).update() == 1;
    }

    /** An open session past its TTL, as the sweeper claims it. */
    record Expiring(UUID id, UUID organizationId) {
    }

    /**
     * Claims (locks) up to {@code limit} open sessions whose TTL passed at {@code now}, those that expired after
     * {@code since} only when it is given; rows another transaction holds are skipped, not waited for.
     */
    List<Expiring> claimExpired(@Nullable OffsetDateTime since, OffsetDateTime now, int limit) {
        var after = since == null ? "" : " AND expires_at > ?";
        var query = jdbc.sql("SELECT id, organization_id FROM flow_session WHERE expires_at <= ?" + after
                + " AND status IN ('CREATED', 'IN_PROGRESS') ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED").param(now);
        if (since != null) {
            query = query.param(since);
        }
        return query.param(limit).query((rs, n) -> new Expiring(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    public void insertAttempt(UUID sessionId, int position, TechnologyCode technology, int attemptNo, boolean passed,
                              ObjectNode result, @Nullable FailureReason failure, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO step_attempt (session_id, position, technology, attempt_no, passed, result,
                            failure_type, failure_detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sessionId, position, technology.name(), attemptNo, passed, result.toString(),
                        failure == null ? null : failure.type(), failure == null ? null : failure.detail(), at)
                .update();
    }

    /** Every attempt at the session's steps, by step, then in the order made. */
    public List<io.kycflow.session.StepAttempt> attempts(UUID sessionId) {
        return jdbc.sql("""
                        SELECT position, technology, attempt_no, passed, failure_type, failure_detail, created_at
                        FROM step_attempt WHERE session_id = ? ORDER BY position, attempt_no""")
                .param(sessionId)
                .query((rs, n) -> new io.kycflow.session.StepAttempt(rs.getInt(1), TechnologyCode.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /**
     * Sessions matching {@code where} (SQL over flow_session's columns, bound with {@code params}) in {@code order}
     * (the caller's, newest id first, naming the index it wants walked).
     */
    public List<Session> page(String where, List<Object> params, String order, int limit) {
        return jdbc.sql("SELECT " + SELECTED + " FROM flow_session WHERE " + where + " ORDER BY " + order
                + " FETCH FIRST " + limit + " ROWS ONLY").params(params).query(this::map).list();
    }

    /** As {@link #page}, joined through the metadata side table {@code m} to the sessions {@code s}. */
    public List<Session> pageByMetadata(String where, List<Object> params, String order, int limit) {
        return jdbc.sql("SELECT " + SELECTED_FROM_S + " FROM session_metadata m JOIN flow_session s ON s.id = m.session_id WHERE "
                + where + " ORDER BY " + order + " FETCH FIRST " + limit + " ROWS ONLY").params(params).query(this::map).list();
    }

    /**
     * Every session matching {@code where}, one at a time and in no order. Read in a read-only transaction with a
     * fetch size, so PostgreSQL's driver streams rows with a cursor instead of holding them all.
     */
    public void eachOutline(String where, List<Object> params, Consumer<SessionSearch.Outline> action) {
        reads.executeWithoutResult(status -> streaming.query(
                "SELECT id, status, steps, finished_at FROM flow_session WHERE " + where,
                (RowCallbackHandler) rs -> action.accept(new SessionSearch.Outline(rs.getObject(1, UUID.class),
                        SessionStatus.valueOf(rs.getString(2)), StepsColumn.statuses(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class))),
                params.toArray()));
    }

    /** Columns are read by position: looking them up by label made the driver build a name map per query. */
    private Session map(ResultSet rs, int row) throws SQLException {
        Boolean overall = rs.getBoolean(6);
        if (rs.wasNull()) {
            overall = null;
        }
        var metadata = rs.getString(7);
        return new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                SessionStatus.valueOf(rs.getString(4)), rs.getBoolean(5), overall,
                metadata == null ? null : (ObjectNode) json.readTree(metadata),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
                StepsColumn.read(rs.getString(8), catalog), rs.getBoolean(13));
    }
}
