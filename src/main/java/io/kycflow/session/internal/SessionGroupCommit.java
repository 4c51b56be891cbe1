package io.kycflow.session.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.kycflow.session.Session;
import io.kycflow.shared.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for new sessions. The runtime API acknowledges a session only once it is durable, and one commit
 * per request made the database's commit the bottleneck. Requests arriving together are written by one writer in
 * one transaction (plus, on the embedded default, one {@link SessionJournal} write and one fsync), and each caller
 * is released once that succeeded (or fails with its error): the same durability, a fraction of the commits and
 * fsyncs under load, no added delay when idle.
 * <p>
 * Under load the writer also waits, up to {@link #GATHER_WINDOW_NANOS} after its previous commit, for a batch of
 * {@link #GATHER_BATCH}: a commit has a fixed cost, and committing as soon as anything was queued gave batches of
 * ~7 (bench/README.md has the figures, measured when every H2 commit still wrote to the file).
 */
@Component
public class SessionGroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionGroupCommit.class);
    private static final int MAX_BATCH = 200;
    private static final long GATHER_WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(400);
    private static final int GATHER_BATCH = 16;
    /**
     * Below the web server's phases (graceful shutdown at MAX-1024, the server itself at MAX-2048): stopping runs
     * from high to low, so the writer stops only after no request can reach it any more.
     */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private final SessionRepository sessions;
    private final TransactionTemplate transactions;
    private final TransactionTemplate journaledTransactions;
    private final SessionJournal journal;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running;
    private volatile boolean gathering; // the writer is parked waiting for a batch
    private Thread writer;

    SessionGroupCommit(SessionRepository sessions, PlatformTransactionManager transactionManager, SessionJournal journal) {
        this.sessions = sessions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.journaledTransactions = new TransactionTemplate(transactionManager);
        journaledTransactions.setName(EmbeddedStore.JOURNALED_TRANSACTION);
        this.journal = journal;
    }

    /** Stores the session; returns once it is committed. */
    public void insert(Session session) {
        if (!running) {
            transactions.executeWithoutResult(status -> sessions.insert(session)); // not running: write directly
            return;
        }
        var pending = new Pending(session, new CompletableFuture<>());
        try {
            queue.put(pending);
            if (gathering && batchQueued()) {
                LockSupport.unpark(writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a session", e);
        }
        try {
            pending.committed().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void writeLoop() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        long previousCommitEnd = System.nanoTime() - GATHER_WINDOW_NANOS;
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                awaitBatch(previousCommitEnd + GATHER_WINDOW_NANOS);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                previousCommitEnd = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Waits until the deadline or until a full batch is queued (the first session is already taken). After an idle
     * spell the deadline has passed and nothing waits. A producer that completes a batch unparks the writer; the
     * volatile flag and the queue's atomic count make sure one of the two sides sees the other.
     */
    private void awaitBatch(long deadline) {
        for (long wait; running && (wait = deadline - System.nanoTime()) > 0 && !batchQueued(); ) {
            gathering = true;
            if (!batchQueued()) {
                LockSupport.parkNanos(this, wait);
            }
            gathering = false;
        }
    }

    private boolean batchQueued() {
        return queue.size() + 1 >= GATHER_BATCH; // + the session the writer has already taken
    }

    /**
     * One transaction for the batch, then (on the embedded default) one journal write and force that make it
     * durable; only then is anyone released. A batch whose journal write or force fails is taken back out of the
     * database (a crash before the next checkpoint may still bring it back from the journal: it was never
     * acknowledged, so either outcome is allowed).
     */
    private void write(List<Pending> batch) {
        try {
            var rows = sessions.rows(batch.stream().map(Pending::session).toList());
            if (!journal.active()) {
                transactions.executeWithoutResult(status -> sessions.insertRows(rows));
            } else {
                journaledTransactions.executeWithoutResult(status -> sessions.insertRows(rows));
                appendOrTakeBack(rows);
            }
            batch.forEach(p -> p.committed().complete(null));
        } catch (Throwable e) { // whatever happens, no caller may wait for ever and the writer keeps going
            log.error("Could not store {} new session(s); their requests fail and nothing was acknowledged", batch.size(), e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    private void appendOrTakeBack(List<Object[]> rows) {
        try {
            journal.append(rows);
        } catch (RuntimeException e) {
            try {
                journaledTransactions.executeWithoutResult(status -> sessions.deleteRows(rows));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    @Override
    public void start() {
        writer = Thread.ofPlatform().name("session-group-commit").daemon().unstarted(this::writeLoop);
        running = true;
        writer.start();
    }

    @Override
    public void stop() {
        running = false; // the writer drains what is queued, then ends
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var late = new ArrayList<Pending>();
        queue.drainTo(late); // queued while the writer was ending: write them here rather than strand the callers
        if (!late.isEmpty()) {
            write(late);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private record Pending(Session session, CompletableFuture<Void> committed) {
    }
}
