package io.kycflow.session.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.kycflow.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for new sessions. The runtime API acknowledges a session only after it is committed, and one
 * commit per request made the database's commit the bottleneck. Requests arriving together are written by one
 * writer in one transaction, and each caller is released once that commit succeeded (or fails with its error):
 * the same durability, a fraction of the commits under load, no added delay when idle.
 */
@Component
public class SessionGroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionGroupCommit.class);
    private static final int MAX_BATCH = 200;

    private final SessionRepository sessions;
    private final TransactionTemplate transactions;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running;
    private Thread writer;

    SessionGroupCommit(SessionRepository sessions, TransactionTemplate transactions) {
        this.sessions = sessions;
        this.transactions = transactions;
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
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            transactions.executeWithoutResult(status -> sessions.insertAll(batch.stream().map(Pending::session).toList()));
            batch.forEach(p -> p.committed().complete(null));
        } catch (Throwable e) { // whatever happens, no caller may wait for ever and the writer keeps going
            log.error("Could not store {} new session(s); their requests fail and nothing was acknowledged", batch.size(), e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("session-group-commit").daemon().start(this::writeLoop);
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

    /**
     * Below the web server's phases (graceful shutdown at MAX-1024, the server itself at MAX-2048): stopping runs
     * from high to low, so the writer stops only after no request can reach it any more.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private record Pending(Session session, CompletableFuture<Void> committed) {
    }
}
