package io.kycflow.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reached the files, in order: opens (where a seam reports them), writes and forces (each force as its start
 * and its end) recorded by {@link RecordingChannel}, and acknowledgements recorded by the test, all numbered from
 * one counter. A force can be held: the next one that matches waits in the channel until the test lets it go, as a
 * slow disk would.
 */
public final class DiskEvents {

    public enum Kind { OPEN, WRITE, FORCE_START, FORCE_END, ACK }

    /**
     * @param caller the application's class nearest to the call, or H2's when no application code is on the
     *               stack: so H2's own forces are told from the application's
     */
    public record Event(long sequence, Kind kind, String file, String caller) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private volatile @Nullable Hold hold;
    private volatile @Nullable Predicate<Event> failNext;

    public Event record(Kind kind, String file, String caller) {
        var event = new Event(sequence.incrementAndGet(), kind, file, caller);
        events.add(event);
        return event;
    }

    public Event acknowledged(String what) {
        return record(Kind.ACK, what, "test");
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Holds the next force that matches until {@link Hold#release()}. */
    public Hold holdNextForce(Predicate<Event> which) {
        var next = new Hold(which);
        hold = next;
        return next;
    }

    /** Makes the next force that matches fail with an {@link IOException}, as a failing disk would. */
    public void failNextForce(Predicate<Event> which) {
        failNext = which;
    }

    /**
     * Called by the channel with the force's start event, before the force; blocks while the force is held,
     * throws if it is to fail.
     */
    void beforeForce(Event start) throws InterruptedException, IOException {
        var failing = failNext;
        if (failing != null && failing.test(start)) {
            failNext = null;
            throw new IOException("injected: the disk failed the force");
        }
        var current = hold;
        if (current != null && current.which.test(start)) {
            hold = null;
            current.held = start;
            current.entered.countDown();
            assertThat(current.released.await(60, TimeUnit.SECONDS)).as("the test let the held force go").isTrue();
        }
    }

    public static final class Hold {

        private final Predicate<Event> which;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile @Nullable Event held;

        private Hold(Predicate<Event> which) {
            this.which = which;
        }

        /** Waits until a matching force has started and is being held; returns its start event. */
        public Event awaitHeld() throws InterruptedException {
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("a matching force started").isTrue();
            return held;
        }

        public void release() {
            released.countDown();
        }
    }
}
