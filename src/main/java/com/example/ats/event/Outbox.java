package com.example.ats.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The transactional outbox: {@link #record} keeps an event with the transaction that makes the change, and writes it
 * just before that transaction commits, in it. So an event exists exactly when its change does.
 *
 * <p>Writing takes a transaction-level advisory lock first, held until the commit: events get their sequence numbers
 * in commit order, so the change feed and the dispatcher, which read in that order, never pass an event that commits
 * later with a lower number (ADR 0011). Taking it only at the very end keeps the serialised part to the commit itself.
 */
@ApplicationScoped
public class Outbox {

    /** Any constant shared by every writer; "outbox" in ASCII. */
    static final long LOCK = 0x6f7574626f78L;

    /** A string value must be an upper-case code, so that no name, address or free text slips in. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Except the names of corrected fields ("address.city"), which only the rectification writes. */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z]{0,40}(\\.[a-z][A-Za-z]{0,40})?");

    private static final Object PENDING = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(
            TransactionSynchronizationRegistry transactions,
            EntityManager entityManager,
            DataSource dataSource,
            ObjectMapper json,
            Clock clock) {
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Keeps an event about {@code subjectId} for the current transaction, with its data as name-value pairs (a null
     * value is left out). Only the names the type declares, and as values only ids, enum codes, dates, numbers,
     * booleans and field names: anything else is refused here, before it could be sent anywhere.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventType type, UUID subjectId, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("event data comes in name-value pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(type.subject().idField(), subjectId.toString());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (!type.dataKeys().contains(name)) {
                throw new IllegalArgumentException(type.wireName() + " has no data named " + name);
            }
            if (value != null) {
                data.put(name, checked(name, value));
            }
        }
        pending().add(new Pending(UUID.randomUUID(), type, subjectId, clock.instant(), data));
    }

    /**
     * Forgets every event about these subjects (an erased or purged application): what happened to it is no one's
     * business once it is gone. Call before recording the removal event, which then stays as the only one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Collection<UUID> subjectIds) {
        if (!subjectIds.isEmpty()) {
            entityManager
                    .createNativeQuery("delete from outbox_event where subject_id in (:ids)")
                    .setParameter("ids", subjectIds)
                    .executeUpdate();
        }
    }

    private List<Pending> pending() {
        @SuppressWarnings("unchecked")
        List<Pending> events = (List<Pending>) transactions.getResource(PENDING);
        if (events == null) {
            // Opens the transaction's session now, so that Hibernate's own synchronization is registered before
            // completion begins (registering one during it is refused).
            entityManager.joinTransaction();
            List<Pending> fresh = new ArrayList<>();
            transactions.putResource(PENDING, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(fresh);
                    }
                }

                @Override
                public void afterCompletion(int status) {}
            });
            events = fresh;
        }
        return events;
    }

    private void write(List<Pending> events) {
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
                for (Pending event : events) {
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

    private static Object checked(String key, Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> checked(key, v)).toList();
        }
        if (value instanceof Enum<?> code) {
            return code.name();
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof UUID || value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof String code
                && (CODE.matcher(code).matches()
                        || (key.equals("fields") && FIELD_NAME.matcher(code).matches()))) {
            return code;
        }
        throw new IllegalArgumentException("event data '" + key + "' is not a code: " + value.getClass());
    }

    private record Pending(UUID id, EventType type, UUID subjectId, Instant at, Map<String, Object> data) {}
}
