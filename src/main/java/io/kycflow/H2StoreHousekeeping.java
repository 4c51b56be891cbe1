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
 * that is not rewritten again (a B-tree leaf split off to the left) keeps the whole chunk alive. Measured with
 * 1,000 single-row commits a second: without this the file kept growing by ~6 KB per commit after H2's 45 s
 * retention window had filled; with rounds of this kind it stopped growing (bench/README.md).
 * <p>
 * A round holds the store lock while it moves pages, and on a large store under full create load the rounds cost
 * a quarter of the throughput. So a round runs only while the store is quiet (fewer than
 * {@link #BUSY_COMMITS_PER_ROUND} commits since the previous round): at ordinary rates that is every round, and
 * after a burst the store is tidied once it calms down.
 */
final class H2StoreHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2StoreHousekeeping.class);
    /** Rewrite when the live share of the store's chunks falls below this percentage (H2's own busy target is 81). */
    private static final int TARGET_FILL_RATE = 80;
    /** Live bytes moved per round, one round a second: a burst's leftovers are tidied over minutes. */
    private static final int WRITE_LIMIT_BYTES = 256 * 1024;
    private static final long BUSY_COMMITS_PER_ROUND = 100;

    private final DataSource dataSource;
    private final Duration period;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable MVStore store;
    private long versionAtLastRound;

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
        var threads = Thread.ofPlatform().name("h2-housekeeping").daemon().factory();
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        long millis = period.toMillis();
        scheduler.scheduleWithFixedDelay(this::roundIfQuiet, millis, millis, TimeUnit.MILLISECONDS);
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

    private void roundIfQuiet() {
        var current = store;
        if (current == null || current.isClosed()) {
            return;
        }
        if (current.getCurrentVersion() - versionAtLastRound < BUSY_COMMITS_PER_ROUND) {
            compactOnce();
        }
        versionAtLastRound = current.getCurrentVersion();
    }

    /** One round: rewrites the live pages of sparse chunks and commits them. Returns whether any were rewritten. */
    boolean compactOnce() {
        var current = store;
        try {
            if (current == null || current.isClosed() || !current.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES)) {
                return false;
            }
            current.commit(); // as H2's background writer does; the old chunks are freed once this version is written
            return true;
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
