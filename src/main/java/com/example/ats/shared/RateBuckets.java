package com.example.ats.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * The service's one kind of rate limit: a token bucket per key (a client address, a hashed e-mail address), Bucket4j
 * buckets in a bounded cache that forgets a key after two quiet periods. {@code capacity} attempts, refilled evenly
 * over {@code period}.
 */
public final class RateBuckets {

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> byKey;

    public RateBuckets(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        this.byKey = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period.multipliedBy(2))
                .build();
    }

    /** Takes one attempt of this key; the probe says whether it was allowed and what is left. */
    public ConsumptionProbe take(String key) {
        return bucket(key).tryConsumeAndReturnRemaining(1);
    }

    /** Whether this key has an attempt left, without taking it (for limits that count failures only). */
    public boolean hasLeft(String key) {
        return bucket(key).getAvailableTokens() > 0;
    }

    public long capacity() {
        return capacity;
    }

    public Duration period() {
        return period;
    }

    private Bucket bucket(String key) {
        return byKey.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .build());
    }
}
