package io.kycflow.session.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code session_metadata} side table ({@link MetadataIndex}: a keyed hash per metadata value, never the value),
 * filled for the sessions stored so far. Finding an organization's sessions by a metadata value matched the JSON
 * text of each of its sessions; at a million sessions that was a ~2 s scan. Java because the hash needs the master
 * key (Spring Boot hands JavaMigration beans to Flyway, in its order and transaction). New sessions get their rows
 * in the transaction that inserts them ({@link SessionRepository#insertAll}).
 * <p>
 * The key is the hash (which covers the organization) and the session, so a lookup is one index range, newest
 * session first when read backwards; there is no foreign key to the session (the session table has none either: V3).
 */
@Component
public class V27__Session_metadata_index extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V27__Session_metadata_index.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1000;
    /**
     * Rows are inserted a chunk at a time in key order: hashes are random, and inserted as they come each landed on
     * a cold leaf of the new index (40,000 sessions took 12 s on H2 with its 2 MB page cache); in order, a chunk
     * passes over the leaves once.
     */
    private static final int CHUNK = 100_000;

    private final MetadataIndex index;

    V27__Session_metadata_index(MetadataIndex index) {
        this.index = index;
    }

    private record Row(long hash, UUID session) {
    }

    private static final Comparator<Row> KEY_ORDER = Comparator.comparingLong(Row::hash).thenComparing(Row::session);

    private static void insert(PreparedStatement insert, List<Row> chunk) throws SQLException {
        chunk.sort(KEY_ORDER);
        int pending = 0;
        for (var row : chunk) {
            insert.setLong(1, row.hash());
            insert.setObject(2, row.session());
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            insert.executeBatch();
        }
        chunk.clear();
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE session_metadata (
                        value_hash BIGINT NOT NULL,
                        session_id UUID   NOT NULL,
                        CONSTRAINT session_metadata_pk PRIMARY KEY (value_hash, session_id)
                    )""");
        }
        long sessions = 0;
        long values = 0;
        long started = System.nanoTime();
        var chunk = new ArrayList<Row>(CHUNK);
        try (var select = connection.prepareStatement(
                "SELECT id, organization_id, metadata FROM flow_session WHERE metadata IS NOT NULL");
             var insert = connection.prepareStatement(SessionRepository.INSERT_METADATA)) {
            select.setFetchSize(BATCH); // PostgreSQL streams with a cursor (Flyway's transaction is open) instead of loading all
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var id = rows.getObject(1, UUID.class);
                    var organization = rows.getObject(2, UUID.class);
                    sessions++;
                    for (var hash : index.hashes(organization, JSON.readTree(rows.getString(3)))) {
                        chunk.add(new Row(hash, id));
                        values++;
                    }
                    if (chunk.size() >= CHUNK) {
                        insert(insert, chunk);
                    }
                }
            }
            insert(insert, chunk);
        }
        if (sessions > 0) {
            log.info("Indexed the metadata of {} stored sessions ({} hashed values) in {} ms", sessions, values,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
