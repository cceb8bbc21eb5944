package com.example.ats.event;

import com.example.ats.shared.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox in PostgreSQL: its events in seq order, the horizons below which events were removed for age, and the
 * locked batch insert the {@link Outbox} writes with. An event's data is kept as JSON; it goes in and comes out as
 * name-value pairs. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class EventRepository {

    /** Any constant shared by every writer; "outbox" in ASCII. */
    static final long LOCK = 0x6f7574626f78L;

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final ObjectMapper json;

    EventRepository(EntityManager entityManager, DataSource dataSource, ObjectMapper json) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** An event as stored; {@code type} is its wire name, which this version may not know. */
    record Row(long seq, UUID id, String type, UUID subjectId, Instant occurredAt, Map<String, Object> data) {}

    /** An event to insert: its seq is given by the table, in commit order. */
    record NewEvent(UUID id, EventType type, UUID subjectId, Instant at, Map<String, Object> data) {}

    /** At most {@code limit} events after {@code seq} and up to {@code through}, of these types (all when empty). */
    List<Row> between(long seq, long through, Set<EventType> types, int limit) {
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
        return rows.stream().map(this::toRow).toList();
    }

    /** The events with these sequence numbers, in no particular order. */
    List<Row> bySeq(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select seq, id, type, subject_id, occurred_at, cast(data as text) from outbox_event"
                                + " where seq in (:seqs)",
                        Object[].class)
                .setParameter("seqs", seqs)
                .getResultList();
        return rows.stream().map(this::toRow).toList();
    }

    /** The highest seq removed for age among events of these types (or of all, {@code '*'}); 0 when none. */
    long prunedThrough(Set<EventType> types) {
        return ((Number) entityManager
                        .createNativeQuery("select coalesce(max(pruned_through), 0) from outbox_horizon_by_type"
                                + " where type = '*' or type in (:types)")
                        .setParameter(
                                "types", types.stream().map(EventType::wireName).toList())
                        .getSingleResult())
                .longValue();
    }

    /** The end of the feed when plain cursors were last made; 0 when it never made them. */
    long plainCursorsThrough() {
        return ((Number) entityManager
                        .createNativeQuery("select coalesce((select through from feed_legacy_horizon), 0)")
                        .getSingleResult())
                .longValue();
    }

    /** The highest seq among events of these types, kept or pruned; 0 before the first. */
    long lastSeq(Set<EventType> types) {
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

    /**
     * Deletes up to {@code batch} events that happened before {@code before}, in seq order, and raises the horizons
     * (per type and overall) to the highest seq removed; returns how many.
     */
    int prune(Instant before, int batch) {
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
            raiseHorizon(removed.stream().mapToLong(Number::longValue).max().orElseThrow());
        }
        return removed.size();
    }

    /** Raises the overall horizon (the highest seq removed for age, of any type) to {@code seq}. */
    private void raiseHorizon(long seq) {
        entityManager
                .createNativeQuery("insert into outbox_horizon (pruned_through) values (:seq) on conflict (singleton)"
                        + " do update set pruned_through = greatest(outbox_horizon.pruned_through, :seq)")
                .setParameter("seq", seq)
                .executeUpdate();
    }

    /**
     * Before the month {@code partition} of the outbox is dropped: raises the horizons (per type and overall) to the
     * highest seq it holds and removes the deliveries of its events (the trigger that does so for a deleted row does
     * not fire for a dropped table). Returns how many events it holds.
     */
    long forgetMonth(String partition) {
        Object[] removed = (Object[]) entityManager
                .createNativeQuery("with by_type as (select type, max(seq) as seq, count(*) as events from " + partition
                        + " group by type), raised as (insert into outbox_horizon_by_type (type, pruned_through)"
                        + " select type, seq from by_type on conflict (type) do update set pruned_through ="
                        + " greatest(outbox_horizon_by_type.pruned_through, excluded.pruned_through))"
                        + " select coalesce(sum(events), 0), coalesce(max(seq), 0) from by_type")
                .getSingleResult();
        long highest = ((Number) removed[1]).longValue();
        if (highest > 0) {
            raiseHorizon(highest);
            entityManager
                    .createNativeQuery(
                            "delete from webhook_delivery d using " + partition + " e where d.event_seq = e.seq")
                    .executeUpdate();
        }
        return ((Number) removed[0]).longValue();
    }

    /** Deletes every event about these subjects. */
    void deleteAbout(Collection<UUID> subjectIds) {
        if (!subjectIds.isEmpty()) {
            entityManager
                    .createNativeQuery("delete from outbox_event where subject_id in (:ids)")
                    .setParameter("ids", subjectIds)
                    .executeUpdate();
        }
    }

    /**
     * Joins the current transaction now, which opens its session: Hibernate's own synchronization is then registered
     * before completion begins (registering one during it is refused).
     */
    void joinTransaction() {
        entityManager.joinTransaction();
    }

    /**
     * Inserts the events in one batch, under the transaction-level advisory lock {@link #LOCK}, held until the commit
     * (ADR 0011). Meant for the very end of the transaction, just before it commits.
     */
    void insert(List<NewEvent> events) {
        entityManager.flush(); // the change itself first (when Hibernate has not flushed yet): the lock is then held
        // for the commit alone. The data source hands out this transaction's own connection; the handle is closed
        // here, before the pool's check at completion.
        try (Connection connection = dataSource.getConnection()) {
            // Never wait forever behind a committer that hangs (its node gone): fail this change instead (503).
            try (PreparedStatement timeout = connection.prepareStatement("set local lock_timeout = '10s'")) {
                timeout.execute();
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (id, type, subject_id, occurred_at, data) values (?, ?, ?, ?, ?::jsonb)")) {
                for (NewEvent event : events) {
                    insert.setObject(1, event.id());
                    insert.setString(2, event.type().wireName());
                    insert.setObject(3, event.subjectId());
                    insert.setTimestamp(4, Timestamp.from(event.at()));
                    insert.setString(5, toJson(event.data()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be written; the change is rolled back", e);
        }
    }

    private String toJson(Map<String, Object> data) throws SQLException {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new SQLException("event data not writable", e);
        }
    }

    private Row toRow(Object[] row) {
        long seq = ((Number) row[0]).longValue();
        String type = (String) row[2];
        UUID subject = (UUID) row[3];
        Instant at = SqlValues.instant(row[4]);
        try {
            Map<String, Object> data = json.readValue((String) row[5], DATA);
            return new Row(seq, (UUID) row[1], type, subject, at, data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + seq + " has unreadable data", e);
        }
    }
}
