package com.example.ats.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The transactional outbox: {@link #record} keeps an event with the transaction that makes the change, and writes it
 * just before that transaction commits, in it. So an event exists exactly when its change does.
 *
 * <p>Writing takes a transaction-level advisory lock first, held until the commit: events get their sequence numbers
 * in commit order, so the change feed and the dispatcher, which read in that order, never pass an event that commits
 * later with a lower number (ADR 0011). Taking it only at the very end keeps the serialised part to the commit itself.
 * The SQL is {@link EventRepository}'s.
 */
@ApplicationScoped
public class Outbox {

    /** A string value must be an upper-case code, so that no name, address or free text slips in. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Except the names of corrected fields ("address.city"), which only the rectification writes. */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z]{0,40}(\\.[a-z][A-Za-z]{0,40})?");

    private static final Object PENDING = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final EventRepository events;
    private final List<EventTally> tallies;
    private final Clock clock;

    Outbox(
            TransactionSynchronizationRegistry transactions,
            EventRepository events,
            Instance<EventTally> tallies,
            Clock clock) {
        this.transactions = transactions;
        this.events = events;
        this.tallies = tallies.stream().toList();
        this.clock = clock;
    }

    /** A transaction's events, and what each tally gathered from them, written together before it commits. */
    private record Pending(List<EventRepository.NewEvent> events, Map<EventTally, List<Object>> tallied) {}

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
        Instant at = clock.instant();
        Pending pending = pending();
        pending.events().add(new EventRepository.NewEvent(UUID.randomUUID(), type, subjectId, at, data));
        for (EventTally tally : tallies) {
            pending.tallied()
                    .computeIfAbsent(tally, t -> new ArrayList<>())
                    .addAll(tally.recorded(type, subjectId, Collections.unmodifiableMap(data), at));
        }
    }

    /**
     * Forgets every event about these subjects (an erased or purged application): what happened to it is no one's
     * business once it is gone. Call before recording the removal event, which then stays as the only one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Collection<UUID> subjectIds) {
        events.deleteAbout(subjectIds);
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            // Opens the transaction's session now, so that Hibernate's own synchronization is registered before
            // completion begins (registering one during it is refused).
            events.joinTransaction();
            Pending fresh = new Pending(new ArrayList<>(), new LinkedHashMap<>());
            transactions.putResource(PENDING, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        events.insert(fresh.events()); // takes the lock, held until the commit
                        fresh.tallied().forEach(EventTally::write);
                    }
                }

                @Override
                public void afterCompletion(int status) {}
            });
            pending = fresh;
        }
        return pending;
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
}
