package io.kycflow;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Rewrites the embedded H2 store's sparsely used chunks. H2 does this only in its background writer thread, and
 * {@code WRITE_DELAY=0} (a commit is written before it is acknowledged) switches that thread off
 * (h2database/h2database#442). Every commit writes a chunk; most of it is dead by the next commit, but a page
 * that is not rewritten again (a B-tree leaf split off to the left) keeps the whole chunk alive. Without this, a
 * run of single-session commits left ~6 KB of file per commit for good and each commit got slower as the chunk
 * list grew; with it the file stops growing once H2's 45 s retention window is full (bench/README.md).
 */
final class H2StoreHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2StoreHousekeeping.class);
    /** Rewrite when the live share of the store's chunks falls below this percentage (H2's own busy target is 81). */
    private static final int TARGET_FILL_RATE = 80;
    /** Live bytes moved per round: small enough that a round holds the store lock for about a millisecond. */
    private static final int WRITE_LIMIT_BYTES = 256 * 1024;

    private final DataSource dataSource;
    private final Duration period;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable MVStore store;

    H2StoreHousekeeping(DataSource dataSource, Duration period) {
        this.dataSource = dataSource;
        this.period = period;
    }

    @Override
    public void start() {
        store = openStore();
        if (store == null || store.getAutoCommitDelay() > 0) {
            return; // not a file store, or H2's own background writer runs (WRITE_DELAY > 0) and compacts
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("h2-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::compactOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private @Nullable MVStore openStore() {
        try (var connection = dataSource.getConnection()) {
            var session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            var mvStore = session.getDatabase().getStore().getMvStore();
            return mvStore.getFileStore() == null ? null : mvStore;
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 store housekeeping not started: {}", e.toString());
            return null;
        }
    }

    /** One round; the rewritten pages go out with the next commit. Returns whether any chunk was rewritten. */
    boolean compactOnce() {
        var current = store;
        try {
            return current != null && !current.isClosed() && current.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
        } catch (RuntimeException e) { // the database may be closing under us; the next round tries again
            log.warn("H2 store housekeeping round failed: {}", e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
