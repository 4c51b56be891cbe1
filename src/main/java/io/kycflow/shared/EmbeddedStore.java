package io.kycflow.shared;

import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The embedded H2 file store behind the application's {@link DataSource}, for what SQL cannot ask of it: whether
 * a commit reaches the file by itself, and writing (and syncing) everything committed so far.
 * <p>
 * The embedded default runs H2 with a write delay: a commit is applied in memory and H2's background writer stores
 * it within {@code WRITE_DELAY} ms, where it also keeps the file compact. What the application acknowledges is made
 * durable before the acknowledgement instead: read-write transactions are {@linkplain #flush() flushed} after they
 * commit, and new sessions go to a journal (the session module's group commit), whose transactions carry
 * {@link #JOURNALED_TRANSACTION} as their name so that the flush skips them.
 */
public final class EmbeddedStore {

    /** Name of a transaction whose writes are made durable by a journal rather than by a store flush. */
    public static final String JOURNALED_TRANSACTION = "kycflow.journaled";

    private final MVStore store;

    private EmbeddedStore(MVStore store) {
        this.store = store;
    }

    /**
     * The file store behind the data source if it is an embedded H2 database on disk that delays its writes, i.e.
     * one whose commits the application must make durable itself. Empty for other databases and for H2 with
     * {@code WRITE_DELAY=0}, where every commit reaches the file before it returns.
     */
    public static Optional<EmbeddedStore> withWriteDelay(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty(); // another database, or H2 over TCP
            }
            var mvStore = session.getDatabase().getStore().getMvStore();
            return mvStore.getFileStore() == null || mvStore.getAutoCommitDelay() == 0 ? Optional.empty()
                    : Optional.of(new EmbeddedStore(mvStore));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database to inspect its store", e);
        }
    }

    /** Writes everything committed so far to the file (as a {@code WRITE_DELAY=0} commit would). */
    public void flush() {
        store.commit();
    }

    /** {@link #flush()}, then forces the file to the disk. */
    public void checkpoint() {
        store.commit();
        store.sync();
    }

    /** The H2 session behind a JDBC connection has changes not yet committed. */
    public static boolean hasUncommittedChanges(java.sql.Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.hasPendingTransaction();
    }
}
