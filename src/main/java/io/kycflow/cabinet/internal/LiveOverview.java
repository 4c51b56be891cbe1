package io.kycflow.cabinet.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import io.kycflow.session.SessionEvent;
import io.kycflow.session.SessionSearch;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.StepStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The overview's figures, kept current from the session engine's events instead of read from a million rows per
 * page view. An organization's figures are built from the database the first time its overview is shown after a
 * start (one read of its last {@link OverviewController#DAYS} days), and from then on every {@link SessionEvent} of
 * it is applied once its transaction has committed. Nothing is kept for organizations nobody looks at.
 * <p>
 * Events and the rebuild read may overlap (an event committed just before the read is in both), so both only ever
 * move a session forward ({@link OverviewFigures}): applying a fact twice, or an older one late, changes nothing.
 * A plain listener with an after-commit callback rather than a registry-backed {@code @ApplicationModuleListener}:
 * those write and delete a publication row per event (a durable commit each on the embedded default), at the rate
 * sessions are created, for figures that a restart rebuilds anyway.
 */
@Component
class LiveOverview {

    private static final Logger log = LoggerFactory.getLogger(LiveOverview.class);

    private final SessionSearch search;
    private final Map<UUID, Entry> organizations = new ConcurrentHashMap<>();

    LiveOverview(SessionSearch search) {
        this.search = search;
    }

    private record Entry(OverviewFigures figures, CountDownLatch built) {
    }

    /** The organization's overview over the {@code days} days up to {@code today} (UTC). */
    Overview overview(UUID organizationId, LocalDate today, int days) {
        var entry = organizations.get(organizationId);
        if (entry == null) {
            var mine = new Entry(new OverviewFigures(today.minusDays(days - 1)), new CountDownLatch(1));
            entry = organizations.putIfAbsent(organizationId, mine);
            if (entry == null) {
                entry = mine;
                build(organizationId, mine, today, days);
            }
        }
        try {
            entry.built().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the overview was built", e);
        }
        return entry.figures().overview(today, days);
    }

    /** Registered before the read, so that events committed meanwhile are applied too (to the same figures). */
    private void build(UUID organizationId, Entry entry, LocalDate today, int days) {
        long started = System.nanoTime();
        try {
            var from = today.minusDays(days - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            var to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            search.eachCreatedBetween(organizationId, from, to, outline -> {
                var passed = 0;
                var failed = 0;
                for (var step : outline.steps().entrySet()) {
                    int bit = 1 << step.getKey().ordinal();
                    passed |= step.getValue() == StepStatus.PASSED ? bit : 0;
                    failed |= step.getValue() == StepStatus.FAILED ? bit : 0;
                }
                entry.figures().advance(outline.id(), outline.status(), passed, failed,
                        outline.finishedAt() == null ? null : outline.finishedAt().toInstant());
            });
            log.info("Overview figures of an organization rebuilt from {} sessions in {} ms", entry.figures().sessions(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            organizations.remove(organizationId, entry); // the next view tries again
            throw e;
        } finally {
            entry.built().countDown();
        }
    }

    /** Forgets the figures (tests that restart the figures' life without restarting the application). */
    void forget() {
        organizations.clear();
    }

    /**
     * The organization is looked up after the commit, not now: figures registered between the two start their read
     * after the commit, so the change is in the read; figures registered before it get the event.
     */
    @EventListener
    void on(SessionEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply(event);
                }
            });
        } else {
            apply(event);
        }
    }

    private void apply(SessionEvent event) {
        var entry = organizations.get(event.organizationId());
        if (entry == null) {
            return; // nobody has looked at this organization's overview since the start
        }
        var figures = entry.figures();
        var id = event.sessionId();
        Instant at = event.at().toInstant();
        switch (event) {
            case SessionEvent.Created e -> figures.advance(id, SessionStatus.CREATED, 0, 0, null);
            case SessionEvent.StepStarted e -> figures.advance(id, SessionStatus.IN_PROGRESS, 0, 0, null);
            case SessionEvent.StepCompleted e -> figures.advance(id, SessionStatus.IN_PROGRESS,
                    e.passed() ? 1 << e.technology().ordinal() : 0, e.passed() ? 0 : 1 << e.technology().ordinal(), null);
            case SessionEvent.Finished e -> figures.advance(id, SessionStatus.FINISHED, 0, 0, at);
            case SessionEvent.Failed e -> figures.advance(id, SessionStatus.FAILED, 0, 0, at);
            case SessionEvent.Expired e -> figures.advance(id, SessionStatus.EXPIRED, 0, 0, at);
            case SessionEvent.Decided e -> figures.advance(id, e.to(), 0, 0, null);
        }
    }

}
