package com.example.ats.shared;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The service's clock in tests: real time plus an offset that tests move to travel in time instead of sleeping. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC instants");
    }

    public void travel(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads {@code target} (and runs on from there). */
    public void travelTo(Instant target) {
        offset = Duration.between(Instant.now(), target);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
