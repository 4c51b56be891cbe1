package io.kycflow.session.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.Session;
import io.kycflow.session.SessionEvent;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.SessionStep;
import io.kycflow.session.StepStatus;
import io.kycflow.storage.internal.CodecTable;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New sessions are announced ({@link SessionEvent.Created}) once each, under the group commit's batching, and a
 * session that a crash left only in the journal is announced when the next start restores it. The journal segment
 * below is written before the application starts, in the format of the previous release (13 values, the steps as
 * a plan), as a crash before an upgrade would leave it.
 */
@SpringBootTest(properties = "kycflow.demo.enabled=false")
@Import(SessionJournalReplayTests.Recorder.class)
class SessionJournalReplayTests {

    private static final UUID RESTORED = UUID.randomUUID();
    private static final UUID FLOW = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();

    @Autowired
    SessionService sessions;

    @Autowired
    OrganizationService organizations;

    @Autowired
    FlowService flows;

    @Autowired
    TechnologyCatalog catalog;

    @DynamicPropertySource
    static void dataDirectoryWithALeftOverJournal(DynamicPropertyRegistry registry) throws Exception {
        var dataDir = Path.of("target", "test-data", "replay-" + UUID.randomUUID()).toAbsolutePath();
        var journal = Files.createDirectories(dataDir.resolve("journal"));
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        // how the release before V6 journaled a session: 13 values, the steps as a plan
        var previousRelease = new CodecTable<Object>("sessions", (row, out) -> out.uuid(RESTORED).uuid(FLOW)
                .uuid(ORGANIZATION).string("CREATED").bool(true).bool(null).string("{\"user_id\":\"u-7\"}")
                .string("LD:3,DR:2").timestamp(now).timestamp(null).timestamp(null).timestamp(now.plusHours(1))
                .timestamp(now), in -> {
                    throw new UnsupportedOperationException();
                });
        Files.write(journal.resolve("sessions-0000000000000007.journal"),
                io.kycflow.storage.internal.JournalTestAccess.encode(List.of(new Object()), previousRelease));
        registry.add("kycflow.data-dir", dataDir::toString);
    }

    @Test
    void aSessionRestoredFromTheJournalIsStoredWithItsStepsAndAnnounced() {
        var restored = sessions.get(ORGANIZATION, RESTORED);
        assertThat(restored.status()).isEqualTo(SessionStatus.CREATED);
        assertThat(restored.metadata().path("user_id").asString()).isEqualTo("u-7");
        assertThat(restored.steps()).extracting(SessionStep::technology).containsExactly(TechnologyCode.LD, TechnologyCode.DR);
        assertThat(restored.steps()).extracting(SessionStep::maxAttempts).containsExactly(3, 2);
        assertThat(restored.steps()).extracting(SessionStep::status).containsOnly(StepStatus.PENDING);
        assertThat(Recorder.of(RESTORED)).extracting(e -> e.getClass().getSimpleName()).containsExactly("Created");
    }

    @Test
    void sessionsCreatedTogetherAreEachAnnouncedOnce() throws Exception {
        var data = new TestData(organizations, flows, catalog);
        var org = data.org();
        var flow = data.flow(org.organization().id(), TechnologyCode.LD).flow();
        List<Session> created;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, 200).mapToObj(i -> threads.submit(() -> sessions.create(flow, null))).toList();
            created = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        for (var session : created) {
            assertThat(Recorder.of(session.id())).singleElement().isInstanceOfSatisfying(SessionEvent.Created.class, e -> {
                assertThat(e.flowId()).isEqualTo(flow.id());
                assertThat(e.organizationId()).isEqualTo(org.organization().id());
                assertThat(e.sandbox()).isTrue();
            });
        }
    }

    static class Recorder {

        static final List<SessionEvent> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(SessionEvent event) {
            events.add(event);
        }

        static List<SessionEvent> of(UUID session) {
            return events.stream().filter(event -> event.sessionId().equals(session)).toList();
        }
    }
}
