package io.kycflow.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kycflow.storage.GroupCommittedTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-ahead journal of a group-committed table's new rows on the embedded default. There H2 applies a commit in memory and stores it
 * within its write delay; the {@link io.kycflow.storage.GroupCommit} appends each committed batch here (one write, then one
 * {@code force}, i.e. fsync) before it acknowledges it, so the store need not write a chunk per batch. Storing a
 * chunk per commit cost ~200 µs of CPU, and at hundreds of commits a second it left a sparse chunk behind at
 * nearly every commit (bench/README.md).
 * <p>
 * A segment is written full of zeros and forced before its first record (the next one is prepared so by the
 * checkpoint thread, outside the append lock), and records then overwrite the zeros: a force then has no file
 * size or block allocation to commit, only the data, and is {@code force(false)} (fdatasync). Appending to a
 * growing file needed {@code force(true)} and a commit of ext4's own journal at every batch: on these machines
 * 170 µs and 76 µs of the process's CPU per force, against 95 µs and 43 µs overwriting (plus the kernel journal
 * thread's work, which the process does not see). A segment that outgrows its {@link #PREALLOCATED} bytes (a
 * second of more than ~40,000 sessions) grows from there, forced with {@code force(true)}.
 * The reader takes a zero header as the end of the records.
 * A new segment's directory entry is forced once, when it is created. After a write or force fails, the
 * segment's tail is in doubt and nothing more is appended to it (the reader stops at the first bad record, and a
 * failed fsync may have dropped that write's pages): the next batch starts a new segment.
 * <p>
 * Every {@code kycflow.storage.journal-checkpoint} (1 s) the journal moves to a new segment, the store is written
 * and forced, and the old segment is deleted: everything appended to it was committed before the switch. At
 * start-up, segments a crash left behind are replayed (a row already stored is kept as stored) and the store
 * is forced before anything new is accepted. Where the store is not this application's to force (PostgreSQL, H2
 * with {@code WRITE_DELAY=0}) nothing is written.
 */
public final class Journal<R> {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String SUFFIX = ".journal";
    /** Bytes of zeros a segment starts with: a checkpoint's worth of records at ~20,000 sessions a second, twice. */
    static final int PREALLOCATED = 8 << 20;

    private final GroupCommittedTable<R> table;
    private final EmbeddedStore store;
    private final TransactionTemplate transactions;
    private final Path directory;
    private final String prefix;
    private final Duration checkpointPeriod;
    private final JournalFiles files;
    private final Object appendLock = new Object();
    private ScheduledExecutorService checkpoints;
    private FileChannel segment;
    private Path segmentPath = Path.of("");
    private long segmentNumber; // the highest number taken for a segment, prepared or current
    private long segmentBytes; // written to the current segment, or attempted
    private boolean damaged; // a write or force failed: the current segment takes no more

    public Journal(GroupCommittedTable<R> table, EmbeddedStore store, TransactionTemplate transactions, Path directory,
                   Duration checkpointPeriod, JournalFiles files) {
        this.table = table;
        this.store = store;
        this.transactions = transactions;
        this.directory = directory;
        this.prefix = table.name() + "-";
        this.checkpointPeriod = checkpointPeriod;
        this.files = files;
    }

    /**
     * Records rows committed (in memory) by a journaled transaction: written and forced to the disk when this
     * returns, so they survive a killed process, an OS crash and a power loss.
     */
    public void append(List<R> rows) {
        var buffer = JournalRecords.encode(rows, table);
        synchronized (appendLock) {
            if (segment == null) {
                throw new IllegalStateException("the " + table.name() + " journal is closed");
            }
            try {
                if (damaged) {
                    segment.close();
                    openNextSegment();
                }
                var channel = segment;
                segmentBytes += buffer.limit();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(segmentBytes > PREALLOCATED); // past the zeros, the file grows: its size is forced too
            } catch (IOException e) {
                damaged = true;
                throw new UncheckedIOException("could not write the " + table.name() + " journal " + segmentPath, e);
            }
        }
    }

    /** Replays what a crash left, then opens a new segment and starts the checkpoints. */
    public void open() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                forceDirectory(directory.getParent()); // the journal directory's own entry
            }
            var leftovers = segments();
            replay(leftovers);
            segmentNumber = leftovers.isEmpty() ? 0 : number(leftovers.getLast());
            openNextSegment();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the " + table.name() + " journal in " + directory, e);
        }
        var threads = Thread.ofPlatform().name(table.name() + "-journal-checkpoint").daemon().factory();
        checkpoints = Executors.newSingleThreadScheduledExecutor(threads);
        long millis = checkpointPeriod.toMillis();
        checkpoints.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Replays what a crash left: rows acknowledged but not yet in the store. Then syncs and deletes. */
    private void replay(List<Path> leftovers) throws IOException {
        if (leftovers.isEmpty()) {
            return;
        }
        var rows = new ArrayList<R>();
        for (var path : leftovers) {
            var read = JournalRecords.read(Files.readAllBytes(path), table);
            rows.addAll(read.rows());
            if (read.tornTail()) { // a write cut short by the crash: never acknowledged
                log.warn("Journal {} ends in an incomplete record; it was not acknowledged and is ignored", path);
            }
        }
        int restored = transactions.execute(status -> (int) rows.stream().filter(table::restore).count());
        store.flush();
        for (var path : leftovers) {
            Files.delete(path);
        }
        log.info("The {} journal was replayed: {} row(s) restored, {} already stored", table.name(), restored,
                rows.size() - restored);
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException | IOException e) { // the segment stays; the next round (or the next start) retries
            log.error("The {} journal's checkpoint failed", table.name(), e);
        }
    }

    /**
     * Switches to a new segment, stores what was committed and forces it to the disk, then drops the older
     * segments (their deletion need not be forced: a segment that reappears after a crash is replayed, and
     * replaying keeps what is stored).
     */
    public void checkpoint() throws IOException {
        long next;
        synchronized (appendLock) {
            if (segmentBytes == 0) {
                return;
            }
            next = ++segmentNumber;
        }
        var prepared = prepare(next); // the zeros are written and forced while appends go on
        long current;
        synchronized (appendLock) {
            segment.close();
            use(prepared, next);
            current = next;
        }
        store.flush(); // every row in the older segments was committed before it was appended
        for (var path : segments()) {
            if (number(path) < current) { // not one an append has opened since (after a failure)
                Files.delete(path);
            }
        }
    }

    /**
     * Opens the next segment (prepared as {@link #prepare} says) and makes it the current one. If this fails, the
     * current segment stays the current one.
     */
    private void openNextSegment() throws IOException {
        long number = ++segmentNumber;
        use(prepare(number), number);
    }

    /**
     * Creates a segment, forces its directory entry (a forced segment whose name is lost in a power loss would be
     * no better than none), then fills it with {@link #PREALLOCATED} zeros and forces them, leaving the channel at
     * the start for the first record.
     */
    private FileChannel prepare(long number) throws IOException {
        var channel = files.open(segmentPath(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            forceDirectory(directory);
            var zeros = ByteBuffer.allocate(1 << 20);
            for (int written = 0; written < PREALLOCATED; written += zeros.capacity()) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    channel.write(zeros);
                }
            }
            channel.force(true);
            channel.position(0);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void use(FileChannel channel, long number) {
        segment = channel;
        segmentPath = segmentPath(number);
        segmentBytes = 0;
        damaged = false;
    }

    private Path segmentPath(long number) {
        return directory.resolve("%s%016d%s".formatted(prefix, number, SUFFIX));
    }

    private void forceDirectory(Path path) throws IOException {
        try (var channel = files.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> {
                var name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(SUFFIX);
            }).sorted().toList();
        }
    }

    private long number(Path segment) {
        var name = segment.getFileName().toString();
        return Long.parseLong(name.substring(prefix.length(), name.length() - SUFFIX.length()));
    }

    /** Stops the checkpoints, stores what was committed and deletes the segments; any left behind are replayed at the next start. */
    public void close() {
        if (checkpoints == null) {
            return;
        }
        checkpoints.shutdownNow();
        try {
            checkpoints.awaitTermination(10, TimeUnit.SECONDS);
            synchronized (appendLock) {
                segment.close();
                segment = null;
            }
            store.flush(); // every row in the segments was committed before it was appended
            for (var path : segments()) {
                Files.delete(path);
            }
        } catch (IOException | RuntimeException e) { // the segments stay and are replayed at the next start
            log.error("The {} journal was not closed cleanly", table.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
