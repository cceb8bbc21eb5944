package com.example.ats.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the outbox in its order (seq), and forgets what is older than the kept period. */
@ApplicationScoped
public class EventStore {

    private final EventRepository events;

    EventStore(EventRepository events) {
        this.events = events;
    }

    /** An event with its place in the outbox order; {@code type} is null for a type this version does not know. */
    public record Stored(long seq, EventType type, UUID subjectId, EventView view) {}

    /** At most {@code limit} events after {@code seq}, of the given types (all when empty), in order. */
    public List<Stored> after(long seq, Set<EventType> types, int limit) {
        return between(seq, Long.MAX_VALUE, types, limit);
    }

    /** At most {@code limit} events after {@code seq} and up to {@code through}, of the given types, in order. */
    public List<Stored> between(long seq, long through, Set<EventType> types, int limit) {
        return events.between(seq, through, types, limit).stream()
                .map(EventStore::stored)
                .toList();
    }

    /** The events with these sequence numbers, by number. */
    public Map<Long, Stored> bySeq(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return Map.of();
        }
        return events.bySeq(seqs).stream().map(EventStore::stored).collect(Collectors.toMap(Stored::seq, s -> s));
    }

    /**
     * The highest seq removed for age among events of these types: a position below it can no longer be read
     * without a gap by a reader of these types.
     */
    public long prunedThrough(Set<EventType> types) {
        return events.prunedThrough(types);
    }

    /** The end of the feed when plain cursors were last made: a plain cursor past it was not made by this feed. */
    public long plainCursorsThrough() {
        return events.plainCursorsThrough();
    }

    /**
     * The highest seq among events of these types, kept or pruned (0 before the first): the end of the feed as a
     * reader of these types sees it. Events of other types are not counted, so that the answer tells nothing of them.
     */
    public long lastSeq(Set<EventType> types) {
        return events.lastSeq(types);
    }

    /** Deletes up to {@code batch} events that happened before {@code before}; returns how many. Call in a transaction. */
    public int prune(Instant before, int batch) {
        return events.prune(before, batch);
    }

    private static Stored stored(EventRepository.Row row) {
        // null for a type this version does not know (written by a newer replica during a rolling deploy): skipped
        EventType type = EventType.ofWireName(row.type()).orElse(null);
        EventView view = new EventView(row.id(), row.type(), row.occurredAt(), row.data());
        return new Stored(row.seq(), type, row.subjectId(), view);
    }
}
