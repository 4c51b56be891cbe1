package io.kycflow.persistence;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.kycflow.support.EmbeddedPostgresSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database written by an earlier release is upgraded in place, on each supported database: sessions created
 * before V3 keep their rows and step rows, and the rebuilt session table is referenced again by its children.
 */
class MigrationUpgradeTests {

    private static final UUID LD = UUID.fromString("9ed130f5-7ccb-5b51-84d8-f4d159e2732c");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sessionsWrittenBeforeTheSingleRowCreatePathSurviveTheUpgrade(String database) throws Exception {
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
        jdbc.sql("INSERT INTO session_step (session_id, position, technology_id, status, attempts, max_attempts) VALUES (?, 0, ?, 'IN_PROGRESS', 1, 3)")
                .params(session, LD).update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(jdbc.sql("SELECT status, metadata, steps_plan FROM flow_session WHERE id = ?").param(session)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single())
                .isEqualTo("IN_PROGRESS {\"user_id\":\"u-1\"} null");
        assertThat(jdbc.sql("SELECT attempts FROM session_step WHERE session_id = ?").param(session).query(Integer.class).single())
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO session_step (session_id, position, technology_id, status, attempts,"
                + " max_attempts) VALUES (?, 0, ?, 'PENDING', 0, 3)").params(UUID.randomUUID(), LD).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("session_step_session_fk"));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO review (id, session_id, organization_id, type, author, created_at)"
                + " VALUES (?, ?, ?, 'MESSAGE', 'a', ?)").params(UUID.randomUUID(), UUID.randomUUID(), org, now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("review_session_fk"));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO flow_session (id, flow_id, organization_id, status, sandbox,"
                + " created_at, expires_at, updated_at) VALUES (?, ?, ?, 'NOPE', TRUE, ?, ?, ?)")
                .params(UUID.randomUUID(), flow, org, now, now, now).update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("flow_session_status_ck"));
    }
}
