package io.kycflow.session.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.kycflow.session.SessionEvent;
import io.kycflow.session.SessionProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves open sessions past their TTL to EXPIRED on a schedule (reads also expire a session lazily), announcing
 * each once. Safe with several instances: each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so two
 * sweepers never wait for each other or expire a session twice, and a session whose row an attempt holds is left
 * for the next round rather than waited on (the attempt then finds it open or expired, never both).
 * <p>
 * The first round after start looks at every session; later rounds only at those that expired since the previous
 * round began (less a margin for clocks), through the {@code expires_at} index: a round's work follows the rate
 * sessions expire, not the size of the table.
 */
@Component
class ExpirySweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final long MARGIN_MINUTES = 5;

    private final SessionRepository sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SessionProperties properties;
    private @Nullable ScheduledExecutorService schedule;
    private @Nullable OffsetDateTime horizon; // sessions that expired before this were swept by an earlier round
    private volatile boolean running;

    ExpirySweeper(SessionRepository sessions, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                  SessionProperties properties) {
        this.sessions = sessions;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** One round: every open session past its TTL (since the previous round) is expired. The number expired. */
    synchronized int sweep() {
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        int expired = 0;
        int claimed;
        do {
            var round = transactions.execute(status -> {
                var batch = sessions.claimExpired(horizon, now, properties.sweepBatch());
                int moved = 0;
                for (var session : batch) {
                    if (sessions.expire(session.id(), now)) {
                        events.publishEvent(new SessionEvent.Expired(session.id(), session.organizationId(), now));
                        moved++;
                    }
                }
                return new int[] {batch.size(), moved};
            });
            claimed = round[0];
            expired += round[1];
        } while (claimed == properties.sweepBatch());
        horizon = now.minusMinutes(MARGIN_MINUTES);
        return expired;
    }

    private void sweepQuietly() {
        try {
            int expired = sweep();
            if (expired > 0) {
                log.info("Expired {} session(s) past their TTL", expired);
            }
        } catch (RuntimeException e) { // the next round tries again; reads still expire sessions lazily
            log.error("Expiring sessions past their TTL failed", e);
        }
    }

    @Override
    public void start() {
        var threads = Thread.ofPlatform().name("session-expiry-sweeper").daemon().factory();
        schedule = Executors.newSingleThreadScheduledExecutor(threads);
        long millis = properties.sweepInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
