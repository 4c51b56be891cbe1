package io.kycflow.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A caller of {@link GroupSync#sync()} returns only after a force that started after it called; callers that
 * arrive during a force share the next one.
 */
class GroupSyncTests {

    /** A force that blocks until the test lets it finish, counting starts. */
    private static final class SlowDisk implements Runnable {
        final AtomicInteger started = new AtomicInteger();
        final Semaphore finish = new Semaphore(0);
        final Semaphore entered = new Semaphore(0);
        volatile boolean fail;

        @Override
        public void run() {
            started.incrementAndGet();
            entered.release();
            finish.acquireUninterruptibly();
            if (fail) {
                fail = false;
                throw new IllegalStateException("disk error");
            }
        }
    }

    @Test
    void callersArrivingDuringAForceWaitForItAndThenShareOneMore() throws Exception {
        var disk = new SlowDisk();
        var syncs = new GroupSync(disk);
        var first = CompletableFuture.runAsync(syncs::sync);
        assertThat(disk.entered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        var waiting = new ArrayList<Thread>();
        var later = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 3; i++) {
            var done = new CompletableFuture<Void>();
            var thread = Thread.ofPlatform().start(() -> {
                syncs.sync();
                done.complete(null);
            });
            waiting.add(thread);
            later.add(done);
        }
        awaitWaiting(waiting);
        assertThat(disk.started).as("no second force while one is under way").hasValue(1);

        disk.finish.release(); // the first force ends; it began before the others called, so they need another
        first.get(10, TimeUnit.SECONDS);
        assertThat(disk.entered.tryAcquire(10, TimeUnit.SECONDS)).as("one of them starts the next force").isTrue();
        Thread.sleep(100);
        assertThat(later).as("none returns before a force that started after it called").noneMatch(CompletableFuture::isDone);
        assertThat(disk.started).hasValue(2);

        disk.finish.release();
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(disk.started).as("three callers, one shared force").hasValue(2);
    }

    @Test
    void aFailedForceFailsItsCallerAndAWaitingCallerForcesAgain() throws Exception {
        var disk = new SlowDisk();
        var syncs = new GroupSync(disk);
        disk.fail = true;
        var failing = CompletableFuture.runAsync(syncs::sync);
        assertThat(disk.entered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        var done = new CountDownLatch(1);
        var waiter = Thread.ofPlatform().start(() -> {
            syncs.sync();
            done.countDown();
        });
        awaitWaiting(List.of(waiter));

        disk.finish.release();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("disk error");
        assertThat(disk.entered.tryAcquire(10, TimeUnit.SECONDS)).as("the waiter forces itself").isTrue();
        disk.finish.release();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(disk.started).hasValue(2);
    }

    @Test
    void aLoneCallerForcesAtOnce() {
        var forces = new AtomicInteger();
        var syncs = new GroupSync(forces::incrementAndGet);
        syncs.sync();
        syncs.sync();
        assertThat(forces).as("each call after the previous returned needs a force of its own").hasValue(2);
    }

    private static void awaitWaiting(List<Thread> threads) throws InterruptedException {
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); ; Thread.sleep(5)) {
            if (threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                return;
            }
            assertThat(System.nanoTime()).as("the callers are waiting").isLessThan(deadline);
        }
    }
}
