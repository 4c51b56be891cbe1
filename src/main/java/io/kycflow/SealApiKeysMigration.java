package io.kycflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;

import io.kycflow.security.MasterKey;
import io.kycflow.security.StoredApiKeys;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway V8: organization and flow API keys stop being stored in plain text. For each of the two tables it adds
 * {@code api_key_sealed}, seals every existing {@code api_key} into it (AES-256-GCM under the master key, the row's id
 * as associated data: {@link StoredApiKeys}), then drops {@code api_key}; {@code api_key_hash}, which lookups use, is
 * left as it was, so every key keeps working.
 * <p>
 * It is Java rather than SQL because sealing needs the master key; Spring Boot hands {@code JavaMigration} beans to
 * Flyway, so it runs in Flyway's order and transaction like the SQL migrations in {@code db/migration}, on H2 and on
 * PostgreSQL (the statements are portable: {@code BYTEA} is also an H2 name of its binary type). It logs how many
 * keys it sealed and the master key's fingerprint, never a key.
 */
@Component
class SealApiKeysMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SealApiKeysMigration.class);
    private static final MigrationVersion VERSION = MigrationVersion.fromVersion("8");

    private final MasterKey masterKey;

    SealApiKeysMigration(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "seal stored api keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        int organizations = seal(connection, "organization", StoredApiKeys.of(masterKey, StoredApiKeys.Owner.ORGANIZATION));
        int flows = seal(connection, "flow", StoredApiKeys.of(masterKey, StoredApiKeys.Owner.FLOW));
        if (organizations + flows > 0) {
            log.info("Sealed the stored API keys of {} organizations and {} flows under master key {}", organizations, flows,
                    masterKey.fingerprint());
        }
    }

    /** {@code table} is one of two constants above, never input. */
    private static int seal(Connection connection, String table, StoredApiKeys keys) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ADD COLUMN api_key_sealed BYTEA");
        }
        record Row(UUID id, String apiKey) {
        }
        var rows = new ArrayList<Row>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT id, api_key FROM " + table)) {
            while (result.next()) {
                rows.add(new Row(result.getObject(1, UUID.class), result.getString(2)));
            }
        }
        try (var update = connection.prepareStatement("UPDATE " + table + " SET api_key_sealed = ? WHERE id = ?")) {
            for (var row : rows) {
                update.setBytes(1, keys.seal(row.id(), row.apiKey()));
                update.setObject(2, row.id());
                update.addBatch();
            }
            if (!rows.isEmpty()) {
                update.executeBatch();
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN api_key_sealed SET NOT NULL");
            statement.execute("ALTER TABLE " + table + " DROP COLUMN api_key");
        }
        return rows.size();
    }
}
