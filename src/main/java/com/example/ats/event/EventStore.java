package com.example.ats.event;

import com.example.ats.shared.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    EventStore(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** An event with its place in the outbox order; {@code type} is null for a type this version does not know. */
    public record Stored(long seq, EventType type, UUID subjectId, EventView view) {}

    /** At most {@code limit} events after {@code seq}, of the given types (all when empty), in order. */
    public List<Stored> after(long seq, Set<EventType> types, int limit) {
        return between(seq, Long.MAX_VALUE, types, limit);
    }

    /** At most {@code limit} events after {@code seq} and up to {@code through}, of the given types, in order. */
    public List<Stored> between(long seq, long through, Set<EventType> types, int limit) {
        String sql = "select seq, id, type, subject_id, occurred_at, cast(data as text) from outbox_event"
                + " where seq > :after and seq <= :through"
                + (types.isEmpty() ? "" : " and type in (:types)")
                + " order by seq limit :limit";
        var query = entityManager
                .createNativeQuery(sql, Object[].class)
                .setParameter("after", seq)
                .setParameter("through", through)
                .setParameter("limit", limit);
        if (!types.isEmpty()) {
            query.setParameter("types", types.stream().map(EventType::wireName).toList());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::stored).toList();
    }

    /** The events with these sequence numbers, by number. */
    public Map<Long, Stored> bySeq(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select seq, id, type, subject_id, occurred_at, cast(data as text) from outbox_event"
                                + " where seq in (:seqs)",
                        Object[].class)
                .setParameter("seqs", seqs)
                .getResultList();
        return rows.stream().map(this::stored).collect(Collectors.toMap(Stored::seq, s -> s));
    }

    /**
     * The highest seq removed for age among events of these types: a position below it can no longer be read
     * without a gap by a reader of these types.
     */
    public long prunedThrough(Set<EventType> types) {
        return ((Number) entityManager
                        .createNativeQuery("select coalesce(max(pruned_through), 0) from outbox_horizon_by_type"
                                + " where type = '*' or type in (:types)")
                        .setParameter(
                                "types", types.stream().map(EventType::wireName).toList())
                        .getSingleResult())
                .longValue();
    }

    /** The end of the feed when plain cursors were last made: a plain cursor past it was not made by this feed. */
    public long plainCursorsThrough() {
        return ((Number) entityManager
                        .createNativeQuery("select coalesce((select through from feed_legacy_horizon), 0)")
                        .getSingleResult())
                .longValue();
    }

    /**
     * The highest seq among events of these types, kept or pruned (0 before the first): the end of the feed as a
     * reader of these types sees it. Events of other types are not counted, so that the answer tells nothing of them.
     */
    public long lastSeq(Set<EventType> types) {
        List<String> names = types.stream().map(EventType::wireName).toList();
        return ((Number) entityManager
                        .createNativeQuery(
                                "select greatest((select coalesce(max(seq), 0) from outbox_event where type in"
                                        + " (:types)), (select coalesce(max(pruned_through), 0) from outbox_horizon_by_type"
                                        + " where type = '*' or type in (:types)))")
                        .setParameter("types", names)
                        .getSingleResult())
                .longValue();
    }

    /** Deletes up to {@code batch} events that happened before {@code before}; returns how many. Call in a transaction. */
    public int prune(Instant before, int batch) {
        @SuppressWarnings("unchecked")
        List<Number> removed = entityManager
                .createNativeQuery(
                        "with removed as (delete from outbox_event where seq in (select seq from outbox_event where"
                                + " occurred_at < :before order by seq limit :batch) returning seq, type),"
                                + " by_type as (insert into outbox_horizon_by_type (type, pruned_through)"
                                + " select type, max(seq) from removed group by type on conflict (type) do update"
                                + " set pruned_through = greatest(outbox_horizon_by_type.pruned_through,"
                                + " excluded.pruned_through)) select seq from removed")
                .setParameter("before", before)
                .setParameter("batch", batch)
                .getResultList();
        if (!removed.isEmpty()) {
            long highest = removed.stream().mapToLong(Number::longValue).max().orElseThrow();
            entityManager
                    .createNativeQuery(
                            "insert into outbox_horizon (pruned_through) values (:seq) on conflict (singleton)"
                                    + " do update set pruned_through = greatest(outbox_horizon.pruned_through, :seq)")
                    .setParameter("seq", highest)
                    .executeUpdate();
        }
        return removed.size();
    }

    private Stored stored(Object[] row) {
        long seq = ((Number) row[0]).longValue();
        // null for a type this version does not know (written by a newer replica during a rolling deploy): skipped
        EventType type = EventType.ofWireName((String) row[2]).orElse(null);
        UUID subject = (UUID) row[3];
        Instant at = SqlValues.instant(row[4]);
        try {
            Map<String, Object> data = json.readValue((String) row[5], DATA);
            return new Stored(seq, type, subject, new EventView((UUID) row[1], (String) row[2], at, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + seq + " has unreadable data", e);
        }
    }
}
