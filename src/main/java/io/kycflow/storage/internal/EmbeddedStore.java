package io.kycflow.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.disk.FilePathDisk;

/**
 * The embedded H2 file store behind the application's {@link DataSource}, for what SQL cannot ask of it: whether
 * a commit reaches the file by itself, and writing everything committed so far and forcing it to the disk.
 * <p>
 * The embedded default runs H2 with a write delay: a commit is applied in memory and H2's background writer stores
 * it within {@code WRITE_DELAY} ms, where it also keeps the file compact, but never forces the file to the disk.
 * What the application acknowledges is forced to stable storage before the acknowledgement instead: read-write
 * transactions are {@linkplain #flush() flushed} (written and fsynced) after they commit, and new sessions go to a
 * journal that is fsynced per batch (the session module's group commit), whose transactions carry
 * {@link #JOURNALED_TRANSACTION} as their name so that the flush skips them.
 */
public final class EmbeddedStore {

    /** Name of a transaction whose writes are made durable by a journal rather than by a store flush. */
    public static final String JOURNALED_TRANSACTION = "kycflow.journaled";

    private final MVStore store;
    private final GroupSync syncs;

    private EmbeddedStore(MVStore store) {
        this.store = store;
        this.syncs = new GroupSync(store::sync);
    }

    /**
     * The file store behind the data source if it is an embedded H2 database on disk that delays its writes, i.e.
     * one whose commits the application must make durable itself. Empty for other databases and for H2 with
     * {@code WRITE_DELAY=0}, where every commit reaches the file before it returns (H2 then forces the file only
     * when it closes or rewrites chunks: that setting is not durable against an OS crash or a power loss either).
     * <p>
     * Also forces the directories above the store file once, so that the file's own entry (created at the first
     * start, like the directories above it that the data directory needed) survives a power loss like its content.
     */
    public static Optional<EmbeddedStore> withWriteDelay(DataSource dataSource) {
        MVStore mvStore;
        try (var connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty(); // another database, or H2 over TCP
            }
            mvStore = session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database to inspect its store", e);
        }
        if (mvStore.getFileStore() == null || mvStore.getAutoCommitDelay() == 0) {
            return Optional.empty();
        }
        if (FilePath.get(mvStore.getFileStore().getFileName()) instanceof FilePathDisk file) {
            var directory = Path.of(file.toString()).toAbsolutePath().getParent();
            forceDirectory(directory);
            for (var above = directory.getParent(); above != null; above = above.getParent()) {
                try {
                    forceDirectory(above);
                } catch (UncheckedIOException e) {
                    // one the process may not read is not one it created: its entries are not ours to force
                }
            }
        }
        return Optional.of(new EmbeddedStore(mvStore));
    }

    /**
     * Writes everything committed so far to the file and forces the file to the disk: when this returns, every
     * commit that returned before the call survives an OS crash or a power loss. Concurrent callers share forces
     * ({@link GroupSync}).
     */
    public void flush() {
        store.commit();
        // commit() returns at once when H2's background writer has already taken the changes, possibly before its
        // pipeline (serialization, then write, on two threads of H2's) has written them: wait for both to drain
        store.executeFilestoreOperation(() -> {
        });
        syncs.sync();
    }

    /** The H2 session behind a JDBC connection has changes not yet committed. */
    public static boolean hasUncommittedChanges(java.sql.Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.hasPendingTransaction();
    }

    /**
     * Forces a directory's entries (files created, deleted or renamed in it) to the disk: on Linux an fsync of
     * the directory; without it a new file's content can be on the disk and its name not.
     */
    private static void forceDirectory(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not force the directory " + directory + " to the disk", e);
        }
    }
}
