package io.kycflow.persistence;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.session.internal.V6__Session_steps_column;
import io.kycflow.support.EmbeddedPostgresSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database written by an earlier release is upgraded in place, on each supported database: a session created
 * before V3 (step rows written at creation) and one created under V3–V5 (a plan until its first attempt) both come
 * out with their steps in the session's own row, their attempts keep their technology, and the rebuilt tables are
 * referenced again by their children.
 */
class MigrationUpgradeTests {

    private static final UUID LD = UUID.fromString("9ed130f5-7ccb-5b51-84d8-f4d159e2732c");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sessionsWrittenByEarlierReleasesSurviveTheUpgrade(String database) throws Exception {
        var dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:file:" + Files.createTempDirectory("kycflow-upgrade").resolve("db"), "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresSupport.newDatabase(), "postgres", "");
        Flyway.configure().dataSource(dataSource).target("2").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        var org = UUID.randomUUID();
        var flow = UUID.randomUUID();
        var session = UUID.randomUUID();
        var now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO organization VALUES (?, 'Acme', 'TEST', 'k', ?, ?, ?)").params(org, "a".repeat(64), now, now).update();
        jdbc.sql("INSERT INTO flow VALUES (?, ?, 'f', 'F', '{}', '{}', 'fk', ?, ?, ?)").params(flow, org, "b".repeat(64), now, now).update();
        jdbc.sql("""
                INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox, metadata, created_at, expires_at, updated_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', TRUE, '{"user_id":"u-1"}', ?, ?, ?)""").params(session, flow, org, now, now, now).update();
        jdbc.sql("""
                INSERT INTO session_step (session_id, position, technology_id, status, attempts, max_attempts, result,
                    failure_type, failure_detail, started_at) VALUES (?, 0, ?, 'IN_PROGRESS', 1, 3, '{"result":false}',
                    'eye_closed', 'Eyes closed.', ?)""").params(session, LD, now).update();
        jdbc.sql("""
                INSERT INTO step_attempt (session_id, position, attempt_no, passed, result, failure_type, created_at)
                VALUES (?, 0, 1, FALSE, '{"result":false}', 'eye_closed', ?)""").params(session, now).update();

        Flyway.configure().dataSource(dataSource).target("5").load().migrate();
        var planned = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox, steps_plan, created_at, expires_at,
                    updated_at) VALUES (?, ?, ?, 'CREATED', TRUE, 'LD:3,DR:2', ?, ?, ?)""")
                .params(planned, flow, org, now, now, now).update();

        Flyway.configure().dataSource(dataSource).javaMigrations(new V6__Session_steps_column()).load().migrate();

        assertThat(jdbc.sql("SELECT status, metadata FROM flow_session WHERE id = ?").param(session)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single())
                .isEqualTo("IN_PROGRESS {\"user_id\":\"u-1\"}");
        var steps = JSON.readTree(jdbc.sql("SELECT steps FROM flow_session WHERE id = ?").param(session).query(String.class).single());
        assertThat(steps.size()).isEqualTo(1);
        assertThat(steps.get(0).path("technology").asString()).isEqualTo("LD");
        assertThat(steps.get(0).path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(steps.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(steps.get(0).path("max_attempts").asInt()).isEqualTo(3);
        assertThat(steps.get(0).path("failure_type").asString()).isEqualTo("eye_closed");
        assertThat(steps.get(0).path("result").path("result").asBoolean(true)).isFalse();
        var plan = JSON.readTree(jdbc.sql("SELECT steps FROM flow_session WHERE id = ?").param(planned).query(String.class).single());
        assertThat(plan.findValuesAsString("technology")).containsExactly("LD", "DR");
        assertThat(plan.findValues("max_attempts")).extracting(node -> node.asInt()).containsExactly(3, 2);
        assertThat(plan.findValuesAsString("status")).containsOnly("PENDING");
        assertThat(jdbc.sql("SELECT technology FROM step_attempt WHERE session_id = ?").param(session).query(String.class).single())
                .isEqualTo("LD");
        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM session_step").query(Long.class).single())
                .as("the step rows are gone").isNotNull();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO step_attempt (session_id, position, technology, attempt_no, passed,"
                + " created_at) VALUES (?, 0, 'LD', 1, TRUE, ?)").params(UUID.randomUUID(), now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("step_attempt_session_fk"));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO review (id, session_id, organization_id, type, author, created_at)"
                + " VALUES (?, ?, ?, 'MESSAGE', 'a', ?)").params(UUID.randomUUID(), UUID.randomUUID(), org, now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("review_session_fk"));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox,"
                + " steps, created_at, expires_at, updated_at) VALUES (?, ?, ?, 'NOPE', TRUE, '[]', ?, ?, ?)")
                .params(UUID.randomUUID(), flow, org, now, now, now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("flow_session_status_ck"));
    }
}
