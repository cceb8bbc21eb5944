package com.example.ats.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads values of native query rows, whose Java types depend on the driver and Hibernate version. */
public final class SqlValues {

    private SqlValues() {}

    public static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            case null -> null;
            default -> throw new IllegalStateException("unexpected time type " + value.getClass());
        };
    }
}
