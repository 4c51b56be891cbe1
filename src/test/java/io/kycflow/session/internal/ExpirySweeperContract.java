package io.kycflow.session.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.SessionEvent;
import io.kycflow.session.SessionProperties;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry sweeper on each supported database: open sessions past their TTL become EXPIRED with one event each,
 * closed and unexpired ones are left alone, two sweepers at once expire every session exactly once, and a row an
 * attempt holds is skipped rather than waited for.
 */
abstract class ExpirySweeperContract {

    @Autowired SessionService sessions;
    @Autowired SessionRepository repository;
    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired TechnologyCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;

    Flow flow;
    UUID org;
    /** Threads of their own: the common pool may have a single worker on a 2-core machine and run tasks in turn. */
    final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void freshFlow() {
        var data = new TestData(organizations, flows, catalog);
        org = data.org().organization().id();
        flow = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":3}}", TechnologyCode.LD).flow();
    }

    @Test
    void openSessionsPastTheirTtlExpireOnceAndNothingElseChanges() {
        var created = pastTtl(sessions.create(flow, null).id());
        var started = sessions.create(flow, null).id();
        sessions.recordAttempt(started, TechnologyCode.LD, AttemptOutcome.fail(JsonNodeFactory.instance.objectNode(),
                new io.kycflow.session.FailureReason("eye_closed", "Eyes closed.")));
        pastTtl(started);
        var finished = sessions.create(flow, null).id();
        sessions.recordAttempt(finished, TechnologyCode.LD, AttemptOutcome.pass(JsonNodeFactory.instance.objectNode()));
        pastTtl(finished);
        var fresh = sessions.create(flow, null).id();

        var sweeper = sweeper(500);
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(2);
        assertThat(status(created)).isEqualTo("EXPIRED");
        assertThat(status(started)).isEqualTo("EXPIRED");
        assertThat(status(finished)).isEqualTo("FINISHED");
        assertThat(status(fresh)).isEqualTo("CREATED");
        assertThat(sweeper.sweep()).as("a second round finds nothing").isZero();
        assertThat(sessions.get(org, created).status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(Recorder.expired(created)).isEqualTo(1);
        assertThat(Recorder.expired(started)).isEqualTo(1);
        assertThat(Recorder.expired(finished) + Recorder.expired(fresh)).isZero();
    }

    @Test
    void twoSweepersAtOnceExpireEachSessionExactlyOnce() throws Exception {
        var ids = IntStream.range(0, 300).mapToObj(i -> pastTtl(sessions.create(flow, null).id())).toList();
        var first = sweeper(20);
        var second = sweeper(20);
        var start = new CountDownLatch(1);
        var a = CompletableFuture.supplyAsync(() -> await(start, first), threads);
        var b = CompletableFuture.supplyAsync(() -> await(start, second), threads);
        start.countDown();
        int total = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
        assertThat(total).as("sessions expired by the two rounds together").isGreaterThanOrEqualTo(ids.size());
        for (var id : ids) {
            assertThat(status(id)).isEqualTo("EXPIRED");
            assertThat(Recorder.expired(id)).as("Expired events of %s", id).isEqualTo(1);
        }
    }

    @Test
    void aRowAnAttemptHoldsIsSkippedNotWaitedFor() throws Exception {
        var held = pastTtl(sessions.create(flow, null).id());
        var other = pastTtl(sessions.create(flow, null).id());
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            repository.lock(held).orElseThrow();
            locked.countDown();
            await(release);
        }), threads);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            var sweeper = sweeper(500);
            CompletableFuture.supplyAsync(sweeper::sweep, threads).get(30, TimeUnit.SECONDS); // waiting on the lock would time out
            assertThat(status(other)).isEqualTo("EXPIRED");
            assertThat(status(held)).as("held by the attempt's transaction").isEqualTo("CREATED");
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        sweeper(500).sweep();
        assertThat(status(held)).isEqualTo("EXPIRED");
        assertThat(Recorder.expired(held)).isEqualTo(1);
    }

    private ExpirySweeper sweeper(int batch) {
        return new ExpirySweeper(repository, events, transactionManager,
                new SessionProperties("http://localhost", DataSize.ofKilobytes(4), java.time.Duration.ofHours(1), batch));
    }

    private UUID pastTtl(UUID session) {
        jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?").params(OffsetDateTime.now().minusMinutes(1), session).update();
        return session;
    }

    private String status(UUID session) {
        return jdbc.sql("SELECT status FROM flow_session WHERE id = ?").param(session).query(String.class).single();
    }

    private static int await(CountDownLatch start, ExpirySweeper sweeper) {
        await(start);
        return sweeper.sweep();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static class Recorder {

        static final List<SessionEvent> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(SessionEvent event) {
            events.add(event);
        }

        static long expired(UUID session) {
            return events.stream().filter(e -> e instanceof SessionEvent.Expired && e.sessionId().equals(session)).count();
        }
    }
}
