package io.kycflow.verification.internal.face;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The face pool: a burst of checks beyond its size waits in the queue instead of running all at once. */
class FaceEnginesPoolTests {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang fails the test; nothing here measures speed
    void aBurstOfEightChecksRunsTwoAtATimeAndTheRestQueue(@TempDir Path empty) throws Exception {
        var engines = new FaceEngines(FaceModels.load(empty), 2);
        var active = new AtomicInteger();
        var maxActive = new AtomicInteger();
        var entered = new CountDownLatch(2);
        var release = new CountDownLatch(1);
        var callers = new ArrayList<Thread>();
        var results = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            var caller = Thread.ofVirtual().start(() -> results.addAndGet(engines.run(() -> {
                maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                active.decrementAndGet();
                return 1;
            })));
            callers.add(caller);
        }
        entered.await();
        while (engines.queued() < 6) { // every other caller has arrived and waits
            Thread.onSpinWait();
        }
        assertThat(active.get()).isEqualTo(2);
        release.countDown();
        for (var caller : callers) {
            caller.join();
        }
        assertThat(maxActive.get()).isEqualTo(2);
        assertThat(results.get()).isEqualTo(8);
        engines.destroy();
    }

    @Test
    void withoutModelsTheRealEnginesSayTheyAreUnavailable(@TempDir Path empty) {
        var engines = new FaceEngines(FaceModels.load(empty), 1);
        assertThat(engines.available()).isFalse();
        assertThat(new LivenessEngine(engines).available()).isFalse();
        assertThat(new FaceMatchEngine(engines).available()).isFalse();
        engines.destroy();
    }
}
