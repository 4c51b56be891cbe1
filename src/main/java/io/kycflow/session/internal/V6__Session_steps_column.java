package io.kycflow.session.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.session.FailureReason;
import io.kycflow.session.SessionStep;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.TechnologyCode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session's steps move into one column of its row ({@link StepsColumn}). Until now a new session kept a plan
 * ({@code steps_plan}, e.g. {@code LD:3,DR:3}) and got {@code session_step} rows at its first attempt, so every
 * write asked which of the two it had. Stored sessions get their steps from their rows, or from their plan while
 * they have none; each attempt also names its technology, since the step rows it pointed to go. A Java migration
 * (Spring Boot hands JavaMigration beans to Flyway) because the column is JSON that SQL would build differently on
 * H2 and PostgreSQL; it writes it with the class that reads it.
 */
@Component
public class V6__Session_steps_column extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        var codes = technologyCodes(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE flow_session ADD COLUMN steps VARCHAR(65536)");
            statement.execute("ALTER TABLE step_attempt ADD COLUMN technology VARCHAR(8)");
            statement.execute("""
                    UPDATE step_attempt SET technology = (SELECT t.code FROM session_step s JOIN technology t
                        ON t.id = s.technology_id WHERE s.session_id = step_attempt.session_id
                        AND s.position = step_attempt.position)""");
        }
        stepsFromRows(connection, codes);
        stepsFromPlans(connection, codes);
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE session_step CASCADE");
            statement.execute("ALTER TABLE flow_session DROP COLUMN steps_plan");
            statement.execute("ALTER TABLE flow_session ALTER COLUMN steps SET NOT NULL");
            statement.execute("ALTER TABLE step_attempt ALTER COLUMN technology SET NOT NULL");
            statement.execute("""
                    ALTER TABLE step_attempt ADD CONSTRAINT step_attempt_session_fk
                        FOREIGN KEY (session_id) REFERENCES flow_session (id)""");
        }
    }

    private static Map<UUID, TechnologyCode> technologyCodes(Connection connection) throws SQLException {
        var codes = new HashMap<UUID, TechnologyCode>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT id, code FROM technology")) {
            while (rows.next()) {
                codes.put(rows.getObject(1, UUID.class), TechnologyCode.valueOf(rows.getString(2)));
            }
        }
        return codes;
    }

    private static void stepsFromRows(Connection connection, Map<UUID, TechnologyCode> codes) throws SQLException {
        try (var query = connection.prepareStatement("""
                SELECT session_id, position, technology_id, status, attempts, max_attempts, result, failure_type,
                       failure_detail, started_at, finished_at FROM session_step ORDER BY session_id, position""");
             var update = connection.prepareStatement("UPDATE flow_session SET steps = ? WHERE id = ?");
             var rows = query.executeQuery()) {
            UUID session = null;
            var steps = new ArrayList<SessionStep>();
            int pending = 0;
            while (rows.next()) {
                var id = rows.getObject(1, UUID.class);
                if (session != null && !session.equals(id)) {
                    pending = add(update, session, steps, pending);
                    steps.clear();
                }
                session = id;
                var technologyId = rows.getObject(3, UUID.class);
                var result = rows.getString(7);
                var failureType = rows.getString(8);
                steps.add(new SessionStep(rows.getInt(2), technologyId, codes.get(technologyId),
                        StepStatus.valueOf(rows.getString(4)), rows.getInt(5), rows.getInt(6),
                        result == null ? null : (ObjectNode) JSON.readTree(result),
                        failureType == null ? null : new FailureReason(failureType, nonNull(rows.getString(9))),
                        rows.getObject(10, OffsetDateTime.class), rows.getObject(11, OffsetDateTime.class)));
            }
            if (session != null) {
                add(update, session, steps, pending);
            }
            update.executeBatch();
        }
    }

    private static void stepsFromPlans(Connection connection, Map<UUID, TechnologyCode> codes) throws SQLException {
        var ids = new HashMap<TechnologyCode, UUID>();
        codes.forEach((id, code) -> ids.put(code, id));
        try (var query = connection.prepareStatement("SELECT id, steps_plan FROM flow_session WHERE steps IS NULL");
             var update = connection.prepareStatement("UPDATE flow_session SET steps = ? WHERE id = ?");
             var rows = query.executeQuery()) {
            int pending = 0;
            while (rows.next()) {
                var plan = rows.getString(2);
                var steps = new ArrayList<SessionStep>();
                for (var entry : plan == null || plan.isEmpty() ? new String[0] : plan.split(",")) {
                    var code = TechnologyCode.valueOf(entry.substring(0, entry.indexOf(':')));
                    steps.add(new SessionStep(steps.size(), ids.get(code), code, StepStatus.PENDING, 0,
                            Integer.parseInt(entry.substring(entry.indexOf(':') + 1)), null, null, null, null));
                }
                pending = add(update, rows.getObject(1, UUID.class), steps, pending);
            }
            update.executeBatch();
        }
    }

    private static int add(java.sql.PreparedStatement update, UUID session, List<SessionStep> steps, int pending)
            throws SQLException {
        update.setString(1, StepsColumn.write(steps));
        update.setObject(2, session);
        update.addBatch();
        if (++pending == BATCH) {
            update.executeBatch();
            return 0;
        }
        return pending;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
