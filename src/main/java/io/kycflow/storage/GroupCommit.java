package io.kycflow.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import java.util.function.Supplier;

import io.kycflow.storage.internal.Journal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for a table's new rows (made by {@link GroupCommits}; new sessions use it). The runtime API
 * acknowledges a session only once it is durable, and one commit per request made the database's commit the
 * bottleneck. Requests arriving together are written by one writer in
 * one transaction (plus, on the embedded default, one {@link Journal} write and one fsync, pipelined: a journal
 * thread forces one batch, or all that were committed meanwhile, while the writer commits the next), and each caller
 * is released once that succeeded (or fails with its error): the same durability, a fraction of the commits and
 * fsyncs under load, no added delay when idle.
 * <p>
 * Under load the writer also waits, up to {@link #GATHER_WINDOW_NANOS} after its previous commit, for a batch of
 * {@link #GATHER_BATCH}: a commit has a fixed cost, and committing as soon as anything was queued gave batches of
 * ~7 (bench/README.md has the figures, measured when every H2 commit still wrote to the file). With a journal it
 * stops waiting as soon as the journal thread has nothing to force: rows gathered then would only keep the disk
 * idle, while rows gathered during a force lose nothing, as they could not have been forced before it ends.
 *
 * @param <R> a new row, as the owning module's record
 */
public final class GroupCommit<R> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 200;
    private static final long GATHER_WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(400);
    private static final int GATHER_BATCH = 16;
    /**
     * Below the web server's phases (graceful shutdown at MAX-1024, the server itself at MAX-2048): stopping runs
     * from high to low, so the writer stops only after no request can reach it any more.
     */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private final GroupCommittedTable<R> table;
    private final TransactionTemplate transactions;
    private final TransactionTemplate journaledTransactions;
    private final Supplier<@Nullable Journal<R>> journals;
    private final LinkedBlockingQueue<Pending<R>> queue = new LinkedBlockingQueue<>(10_000);
    /** Batches committed in memory, waiting for their journal write and force (embedded default only). */
    private final LinkedBlockingQueue<List<Pending<R>>> committed = new LinkedBlockingQueue<>();
    private @Nullable Journal<R> journal; // null: commits are durable by themselves (PostgreSQL, H2 without delay)
    private volatile boolean running;
    private volatile boolean writing; // the writer may still hand batches to the journal thread
    private volatile boolean gathering; // the writer is parked waiting for a batch
    private volatile boolean journalIdle; // the journal thread waits for a committed batch
    private Thread writer;
    private @Nullable Thread journalWriter;

    GroupCommit(GroupCommittedTable<R> table, TransactionTemplate transactions, TransactionTemplate journaledTransactions,
                Supplier<@Nullable Journal<R>> journals) {
        this.table = table;
        this.transactions = transactions;
        this.journaledTransactions = journaledTransactions;
        this.journals = journals;
    }

    /** Stores the row; returns once it is committed (durable, on the embedded default). */
    public void insert(R row) {
        if (!running) {
            transactions.executeWithoutResult(status -> table.insert(List.of(row))); // not running: write directly
            return;
        }
        var pending = new Pending<>(row, new CompletableFuture<>());
        try {
            queue.put(pending);
            if (gathering && batchQueued()) {
                LockSupport.unpark(writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a new " + table.name() + " row", e);
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
        var batch = new ArrayList<Pending<R>>(MAX_BATCH);
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
                batch = new ArrayList<>(MAX_BATCH); // the journal thread may hold the last one
            }
        }
    }

    /**
     * The journal's side of the pipeline: every batch committed since its previous force goes into one write and
     * one force, then their callers are released. While it forces, the writer commits the next batches.
     */
    private void journalLoop(Journal<R> journal) {
        var batches = new ArrayList<List<Pending<R>>>();
        while (writing || !committed.isEmpty()) {
            try {
                if (committed.isEmpty()) {
                    journalIdle = true;
                    if (gathering) {
                        LockSupport.unpark(writer);
                    }
                }
                var first = committed.poll(100, TimeUnit.MILLISECONDS);
                journalIdle = false;
                if (first == null) {
                    continue;
                }
                batches.add(first);
                committed.drainTo(batches);
                journal(journal, batches);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batches.clear();
            }
        }
    }

    private void journal(Journal<R> journal, List<List<Pending<R>>> batches) {
        var pending = batches.size() == 1 ? batches.getFirst() : batches.stream().flatMap(List::stream).toList();
        try {
            appendOrTakeBack(journal, pending.stream().map(Pending::row).toList());
            pending.forEach(p -> p.committed().complete(null));
        } catch (Throwable e) { // whatever happens, no caller may wait for ever and the thread keeps going
            log.error("Could not make {} new {} row(s) durable; their requests fail and nothing was acknowledged",
                    pending.size(), table.name(), e);
            pending.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    /**
     * Waits until the deadline, until a full batch is queued (the first row is already taken) or until the journal
     * thread waits for a batch. After an idle spell the deadline has passed and nothing waits. A producer that
     * completes a batch, and the journal thread going idle, unpark the writer; the volatile flags and the queue's
     * atomic count make sure one of the two sides sees the other.
     */
    private void awaitBatch(long deadline) {
        for (long wait; running && (wait = deadline - System.nanoTime()) > 0 && !readyToCommit(); ) {
            gathering = true;
            if (!readyToCommit()) {
                LockSupport.parkNanos(this, wait);
            }
            gathering = false;
        }
    }

    /** A full batch is queued (+ the row the writer has already taken), or the journal waits for one. */
    private boolean readyToCommit() {
        return queue.size() + 1 >= GATHER_BATCH || (journal != null && journalIdle);
    }

    /** Unparks the writer when a producer completes a batch it is gathering. */
    private boolean batchQueued() {
        return queue.size() + 1 >= GATHER_BATCH;
    }

    /**
     * One transaction for the batch; where the store is this application's to make durable, the batch then goes to
     * the journal thread, whose write and force make it durable before anyone is released (the writer goes on to
     * the next batch meanwhile). A batch whose journal write or force fails is taken back out of the database (a
     * crash before the next checkpoint may still bring it back from the journal: it was never acknowledged, so
     * either outcome is allowed).
     */
    private void write(List<Pending<R>> batch) {
        try {
            var rows = batch.stream().map(Pending::row).toList();
            if (journal == null) {
                transactions.executeWithoutResult(status -> table.insert(rows));
                batch.forEach(p -> p.committed().complete(null));
            } else {
                journaledTransactions.executeWithoutResult(status -> table.insert(rows));
                committed.add(batch);
            }
        } catch (Throwable e) { // whatever happens, no caller may wait for ever and the writer keeps going
            log.error("Could not store {} new {} row(s); their requests fail and nothing was acknowledged", batch.size(), table.name(), e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    private void appendOrTakeBack(Journal<R> journal, List<R> rows) {
        try {
            journal.append(rows);
        } catch (RuntimeException e) {
            try {
                journaledTransactions.executeWithoutResult(status -> table.delete(rows));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** Replays what the journal holds from before a crash, then takes rows. */
    @Override
    public void start() {
        var journal = journals.get();
        if (journal != null) {
            journal.open();
            journalWriter = Thread.ofPlatform().name(table.name() + "-journal").daemon().unstarted(() -> journalLoop(journal));
        }
        this.journal = journal;
        writer = Thread.ofPlatform().name(table.name() + "-group-commit").daemon().unstarted(this::writeLoop);
        writing = true;
        running = true;
        writer.start();
        if (journalWriter != null) {
            journalWriter.start();
        }
    }

    @Override
    public void stop() {
        running = false; // the writer drains what is queued, then ends
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var late = new ArrayList<Pending<R>>();
        queue.drainTo(late); // queued while the writer was ending: write them here rather than strand the callers
        if (!late.isEmpty()) {
            write(late);
        }
        writing = false; // the journal thread forces what the writer committed, then ends
        var journal = this.journal;
        if (journal != null) {
            try {
                journalWriter.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var unforced = new ArrayList<List<Pending<R>>>();
            committed.drainTo(unforced);
            if (!unforced.isEmpty()) {
                journal(journal, unforced);
            }
            journal.close();
        }
    }

    /** Cuts the journal back now, as its periodic checkpoint does (operations and tests); nothing without one. */
    public void checkpoint() throws java.io.IOException {
        var journal = this.journal;
        if (journal != null) {
            journal.checkpoint();
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

    private record Pending<R>(R row, CompletableFuture<Void> committed) {
    }
}
