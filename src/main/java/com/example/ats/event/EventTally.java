package com.example.ats.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something counted from the outbox's events as they happen (the statistics), so that nothing that records an event
 * has to remember a second call. Told of each event when it is recorded, while what the event is about can still be
 * read; asked to write what the transaction's events added while they are written, under the outbox's lock, so that
 * its rows change in commit order and never in a deadlock.
 */
public interface EventTally {

    /** What this event adds, read now (the rows it is about may be gone by the commit); empty for nothing. */
    List<?> recorded(EventType type, UUID subjectId, Map<String, Object> data, Instant at);

    /** Writes what the transaction's events added, in the transaction, before it commits. */
    void write(List<Object> added);
}
