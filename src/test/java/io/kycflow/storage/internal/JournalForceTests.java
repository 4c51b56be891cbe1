package io.kycflow.storage.internal;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.DiskEvents;
import io.kycflow.support.DiskEvents.Kind;
import io.kycflow.support.RecordingChannel;
import io.kycflow.support.RecordingFilePath;
import io.kycflow.support.StandaloneApp;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new session is acknowledged (HTTP 201) only after the journal write that holds it has been forced to the disk,
 * a new segment's directory entry is forced before anything is appended to it, and a checkpoint deletes a segment
 * only after the store has been forced. The journal's files go through {@link JournalFiles} and the H2 store
 * through the {@code recording:} file system, both recorded by {@link RecordingChannel}; a held force plays a
 * slow disk.
 */
class JournalForceTests {

    private static final String CREATE = "/api/v1/flows/session/create/";

    @Test
    void aNewSessionIsAcknowledgedOnlyOnceItsJournalWriteIsForced(@TempDir Path dataDir) throws Exception {
        var events = new DiskEvents();
        try (var app = start(dataDir, events); var clients = Executors.newFixedThreadPool(8)) {
            var flowKey = flowKey(app);
            var http = app.http();
            var body = "{\"api_key\":\"" + flowKey + "\"}";

            var hold = events.holdNextForce(e -> e.file().endsWith(".journal"));
            var created = CompletableFuture.supplyAsync(() -> http.postJson(CREATE, body), clients);
            var held = hold.awaitHeld();
            assertThat(held.caller()).isEqualTo(Journal.class.getName());
            assertThatThrownBy(() -> created.get(500, TimeUnit.MILLISECONDS))
                    .as("no answer while the journal's force is under way").isInstanceOf(TimeoutException.class);
            hold.release();
            assertThat(created.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            var ack = events.acknowledged("201");

            var journal = events.events().stream().filter(e -> e.file().equals(held.file())).toList();
            var write = journal.stream().filter(e -> e.kind() == Kind.WRITE && e.sequence() < held.sequence()).toList().getLast();
            var forced = journal.stream().filter(e -> e.kind() == Kind.FORCE_END && e.sequence() > held.sequence()).findFirst().orElseThrow();
            assertThat(List.of(write.sequence(), held.sequence(), forced.sequence(), ack.sequence()))
                    .as("write, force start, force end, acknowledgement").isSorted();

            // under concurrent load: every batch's write is followed by its force before the next batch is written
            var requests = new ArrayList<CompletableFuture<Void>>();
            for (int i = 0; i < 200; i++) {
                requests.add(CompletableFuture.runAsync(
                        () -> assertThat(http.postJson(CREATE, body).status()).isEqualTo(201), clients));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            var segment = events.events().stream().filter(e -> e.file().endsWith(".journal")).toList();
            var shape = new StringBuilder();
            for (var e : segment) {
                var letter = switch (e.kind()) {
                    case WRITE -> "w";
                    case FORCE_START -> "f";
                    case FORCE_END -> "F";
                    default -> "";
                };
                if (!(letter.equals("w") && shape.toString().endsWith("w"))) { // one batch may take several writes
                    shape.append(letter);
                }
            }
            assertThat(shape.toString()).as("write, force, forced per batch").matches("(wfF)+");
        }
    }

    @Test
    void aNewSegmentsEntryIsForcedBeforeItsFirstWriteAndACheckpointForcesTheStoreBeforeDeletingOne(@TempDir Path dataDir)
            throws Exception {
        var events = new DiskEvents();
        try (var app = start(dataDir, events)) {
            var flowKey = flowKey(app);
            var body = "{\"api_key\":\"" + flowKey + "\"}";
            assertThat(app.http().postJson(CREATE, body).status()).isEqualTo(201);
            var journal = app.bean(io.kycflow.storage.GroupCommit.class);
            var first = onlySegment(dataDir);

            var hold = events.holdNextForce(e -> e.file().endsWith(".mv.db") && e.caller().startsWith("io.kycflow."));
            var checkpoint = CompletableFuture.runAsync(() -> {
                try {
                    journal.checkpoint();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            var held = hold.awaitHeld();
            assertThat(held.caller()).as("the store's force, from the checkpoint's flush").isEqualTo("io.kycflow.storage.internal.GroupSync");
            Thread.sleep(300);
            assertThat(first).as("the old segment stays while the store's force is under way").exists();
            hold.release();
            checkpoint.get(30, TimeUnit.SECONDS);
            var second = onlySegment(dataDir);
            assertThat(second).isNotEqualTo(first);
            assertThat(app.http().postJson(CREATE, body).status()).isEqualTo(201);

            for (var segment : List.of(first, second)) {
                var name = segment.getFileName().toString();
                var all = events.events();
                var opened = all.stream().filter(e -> e.kind() == Kind.OPEN && e.file().equals(name)).findFirst().orElseThrow();
                var directoryForced = all.stream().filter(e -> e.kind() == Kind.FORCE_END && e.file().equals("journal")
                        && e.sequence() > opened.sequence()).findFirst().orElseThrow();
                var firstWrite = all.stream().filter(e -> e.kind() == Kind.WRITE && e.file().equals(name)).findFirst().orElseThrow();
                assertThat(List.of(opened.sequence(), directoryForced.sequence(), firstWrite.sequence()))
                        .as("%s: opened, directory forced, first write", name).isSorted();
            }
        }
    }

    @Test
    void afterAFailedForceTheNextBatchGoesToANewSegment(@TempDir Path dataDir) throws Exception {
        var events = new DiskEvents();
        try (var app = start(dataDir, events)) {
            var body = "{\"api_key\":\"" + flowKey(app) + "\"}";
            var first = onlySegment(dataDir).getFileName().toString();
            events.failNextForce(e -> e.file().endsWith(".journal"));
            assertThat(app.http().postJson(CREATE, body).status()).as("not acknowledged: its force failed").isEqualTo(500);

            assertThat(app.http().postJson(CREATE, body).status()).isEqualTo(201);
            var writes = recordWrites(events);
            assertThat(writes).extracting(e -> e.file().equals(first)).as("the failed batch's segment, then a new one")
                    .containsExactly(true, false);
            var forced = events.events().stream().filter(e -> e.kind() == Kind.FORCE_END && e.file().equals(writes.getLast().file())
                    && e.sequence() > writes.getLast().sequence()).toList();
            assertThat(forced).as("the new segment's write was forced").hasSize(1);
        }
    }

    /** Writes of records to journal segments: those after the segment's first force, which forced its zeros. */
    private static List<DiskEvents.Event> recordWrites(DiskEvents events) {
        var all = events.events();
        return all.stream().filter(e -> e.kind() == Kind.WRITE && e.file().endsWith(".journal")
                && all.stream().anyMatch(f -> f.kind() == Kind.FORCE_END && f.file().equals(e.file())
                        && f.sequence() < e.sequence())).toList();
    }

    private static StandaloneApp start(Path dataDir, DiskEvents events) {
        RecordingFilePath.recordInto(events);
        JournalFiles files = (path, options) -> {
            var name = path.getFileName().toString();
            events.record(Kind.OPEN, name, "test");
            return new RecordingChannel(FileChannel.open(path, options), name, events);
        };
        return StandaloneApp.start(dataDir, List.of(files), "--kycflow.storage.journal-checkpoint=1h",
                "--spring.datasource.url=jdbc:h2:recording:" + dataDir.toAbsolutePath().resolve("db/kycflow") + ";WRITE_DELAY=100");
    }

    private static String flowKey(StandaloneApp app) {
        var data = new TestData(app.bean(OrganizationService.class), app.bean(FlowService.class), app.bean(TechnologyCatalog.class));
        return data.flow(data.org().organization().id(), LD).apiKey();
    }

    private static Path onlySegment(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            var segments = files.filter(p -> p.toString().endsWith(".journal")).toList();
            assertThat(segments).hasSize(1);
            return segments.getFirst();
        }
    }
}
