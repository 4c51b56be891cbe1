package io.kycflow.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A short-lived cache of lookups that change rarely (an API key's owner), cleared on every change. A reader that
 * loaded a row just before a change cannot put the old value back after the clear: every clear bumps a
 * generation, and a value loaded under an older generation is dropped again.
 */
public final class ResolutionCache<K, V> {

    private final Cache<K, V> cache;
    private final AtomicLong generation = new AtomicLong();

    public ResolutionCache(Duration ttl, long maximumSize) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    /** The cached value, or the loader's (cached if present and still current). Absent results are not cached. */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        var cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = generation.get();
        var loaded = loader.apply(key);
        loaded.ifPresent(value -> {
            cache.put(key, value);
            if (generation.get() != seen) {
                cache.invalidate(key); // a change happened while we read: what we read may be the old row
            }
        });
        return loaded;
    }

    /** Clears now and, inside a transaction, again once it has committed or rolled back. */
    public void clear() {
        AfterCommit.run(() -> {
            generation.incrementAndGet();
            cache.invalidateAll();
        });
    }
}
