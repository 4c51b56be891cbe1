package io.kycflow;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.DiskEvents;
import io.kycflow.support.DiskEvents.Kind;
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
 * On the embedded default a read-write transaction is acknowledged only after the store file has been written and
 * forced to the disk ({@link DurableCommits}): H2 writes through the {@code recording:} file system, and a held
 * force plays a slow disk; the acknowledgement (HTTP 201, a service call returning) waits for it.
 */
class StoreForceTests {

    @Test
    void organizationAndFlowWritesAreAcknowledgedOnlyOnceTheStoreIsForced(@TempDir Path dataDir) throws Exception {
        var events = new DiskEvents();
        RecordingFilePath.recordInto(events);
        try (var app = StandaloneApp.start(dataDir, "--spring.datasource.url=jdbc:h2:recording:"
                + dataDir.toAbsolutePath().resolve("db/kycflow") + ";WRITE_DELAY=100");
             var callers = Executors.newSingleThreadExecutor()) {
            var organization = acknowledgedAfterForce(events, callers, "organization (HTTP 201)", () -> {
                var created = app.http().admin("POST", "/api/v1/admin/organizations",
                        "{\"name\":\"Forced Bank\",\"status\":\"TEST\",\"technologies\":[\"LD\"]}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                return UUID.fromString(created.json().path("id").asString());
            });
            var data = new TestData(app.bean(OrganizationService.class), app.bean(FlowService.class),
                    app.bean(TechnologyCatalog.class));
            acknowledgedAfterForce(events, callers, "flow (FlowService.create returns)",
                    () -> app.bean(FlowService.class).create(organization, data.newFlow("forced", null, null, LD)));
        }
    }

    /**
     * Runs the write with the store's next force held: it may not be acknowledged while the force is held, and
     * the order is: the store written, its force started, the force ended, the acknowledgement.
     */
    private static <T> T acknowledgedAfterForce(DiskEvents events, java.util.concurrent.ExecutorService callers,
                                                String what, Callable<T> write) throws Exception {
        var armed = events.acknowledged("armed for " + what);
        var hold = events.holdNextForce(e -> e.file().endsWith(".mv.db") && e.caller().startsWith("io.kycflow."));
        var done = CompletableFuture.supplyAsync(() -> {
            try {
                return write.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
        var held = hold.awaitHeld();
        assertThat(held.caller()).as("the force of DurableCommits' flush").isEqualTo("io.kycflow.storage.internal.GroupSync");
        assertThatThrownBy(() -> done.get(500, TimeUnit.MILLISECONDS))
                .as("%s not acknowledged while the store's force is under way", what).isInstanceOf(TimeoutException.class);
        hold.release();
        var result = done.get(30, TimeUnit.SECONDS);
        var ack = events.acknowledged(what);

        var store = events.events().stream().filter(e -> e.file().equals(held.file())).toList();
        var written = store.stream().filter(e -> e.kind() == Kind.WRITE && e.sequence() > armed.sequence()
                && e.sequence() < held.sequence()).findFirst();
        assertThat(written).as("%s: the store was written before its force", what).isPresent();
        var forced = store.stream().filter(e -> e.kind() == Kind.FORCE_END && e.sequence() > held.sequence()).findFirst().orElseThrow();
        assertThat(List.of(written.get().sequence(), held.sequence(), forced.sequence(), ack.sequence()))
                .as("%s: written, force started, force ended, acknowledged", what).isSorted();
        return result;
    }
}
