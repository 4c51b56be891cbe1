package io.kycflow.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionCacheTests {

    private final ResolutionCache<String, String> cache = new ResolutionCache<>(Duration.ofMinutes(1), 100);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aLoadedValueIsServedFromTheCacheUntilCleared() {
        assertThat(cache.get("k", k -> load("v1"))).hasValue("v1");
        assertThat(cache.get("k", k -> load("v2"))).hasValue("v1");
        assertThat(loads).hasValue(1);
        cache.clear();
        assertThat(cache.get("k", k -> load("v2"))).hasValue("v2");
    }

    @Test
    void aValueReadWhileAChangeHappenedIsNotKept() {
        // the reader loads the old row; the change (and its clear) completes before the reader stores it
        assertThat(cache.get("k", k -> {
            var old = load("old");
            cache.clear();
            return old;
        })).hasValue("old");
        assertThat(cache.get("k", k -> load("new"))).as("the old row must not have been cached").hasValue("new");
    }

    @Test
    void absentResultsAreNotCached() {
        assertThat(cache.get("k", k -> Optional.empty())).isEmpty();
        assertThat(cache.get("k", k -> load("later"))).hasValue("later");
    }

    private Optional<String> load(String value) {
        loads.incrementAndGet();
        return Optional.of(value);
    }
}
