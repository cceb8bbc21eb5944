package com.example.ats.shared;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The service's notion of "now": inject {@link Clock} instead of calling {@code Instant.now()}, so tests can travel in time. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        // Microseconds, what PostgreSQL stores: an instant answered before a write equals the one read back after.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
