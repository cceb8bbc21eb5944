package com.example.ats.statistics;

import com.example.ats.shared.SqlValues;
import com.example.ats.statistics.Increment.ApplicationCount;
import com.example.ats.statistics.Increment.ApplicationDuration;
import com.example.ats.statistics.Increment.RequestCount;
import com.example.ats.statistics.Increment.RequestDuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The statistics tables: counts and duration buckets that outlive the applications they were counted from, with no
 * column that could point back to one; and the few facts of a live application or request that an event is counted
 * under, read while it is there.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** The channel of applications made before channels were recorded. */
    static final String UNKNOWN_CHANNEL = "unknown";

    /** Where open applications (made without a vacancy) are counted: the nil UUID, which no vacancy has. */
    static final UUID NO_VACANCY = new UUID(0, 0);

    private final EntityManager entityManager;
    private final DataSource dataSource;

    StatisticsRepository(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** What an application's events are counted under. */
    record ApplicationFacts(UUID vacancyId, Instant appliedAt, String channel) {}

    /** What a privacy request's events are counted under. */
    record RequestFacts(Instant receivedAt, Instant dueAt, Instant closedAt) {}

    Optional<ApplicationFacts> application(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select coalesce(vacancy_id, :none), applied_at, coalesce(channel, :unknown)"
                        + " from application where id = :id")
                .setParameter("none", NO_VACANCY)
                .setParameter("unknown", UNKNOWN_CHANNEL)
                .setParameter("id", id)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new ApplicationFacts((UUID) row[0], SqlValues.instant(row[1]), (String) row[2]));
    }

    /**
     * How many of the application's retention consent events after the first (the one made with the application)
     * have this action: 1 when the event being counted is its first of the kind.
     */
    long laterConsents(UUID applicationId, String action) {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from consent_event c where c.application_id = :id"
                                + " and c.kind = 'RETENTION' and c.action = :action and c.id <> (select f.id from"
                                + " consent_event f where f.application_id = :id and f.kind = 'RETENTION'"
                                + " order by f.occurred_at, f.id limit 1)")
                        .setParameter("id", applicationId)
                        .setParameter("action", action)
                        .getSingleResult())
                .longValue();
    }

    Optional<RequestFacts> request(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select received_at, due_at, closed_at from privacy_request where id = :id")
                .setParameter("id", id)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new RequestFacts(
                        SqlValues.instant(row[0]),
                        SqlValues.instant(row[1]),
                        row[2] == null ? null : SqlValues.instant(row[2])));
    }

    /**
     * Adds the increments, summed per statistic and in one order (so two writers never wait on each other in a
     * circle), on the transaction's own connection: called while the outbox writes, when Hibernate is done.
     */
    void add(List<Increment> increments) {
        try (Connection connection = dataSource.getConnection()) {
            upsert(connection, increments, ApplicationCount.class, """
                    insert into application_statistic (vacancy_id, month, channel, measure, count) values (?, ?, ?, ?, ?)
                    on conflict (vacancy_id, month, channel, measure)
                    do update set count = application_statistic.count + excluded.count""", (s, c) -> {
                s.setObject(1, c.vacancyId());
                s.setDate(2, Date.valueOf(c.month()));
                s.setString(3, c.channel());
                s.setString(4, c.measure().name());
            });
            upsert(connection, increments, ApplicationDuration.class, """
                    insert into application_duration_statistic (vacancy_id, month, milestone, up_to_days, count)
                    values (?, ?, ?, ?, ?)
                    on conflict (vacancy_id, month, milestone, up_to_days)
                    do update set count = application_duration_statistic.count + excluded.count""", (s, d) -> {
                s.setObject(1, d.vacancyId());
                s.setDate(2, Date.valueOf(d.month()));
                s.setString(3, d.milestone().name());
                s.setInt(4, d.upToDays());
            });
            upsert(connection, increments, RequestCount.class, """
                    insert into privacy_request_statistic (month, request_type, measure, count) values (?, ?, ?, ?)
                    on conflict (month, request_type, measure)
                    do update set count = privacy_request_statistic.count + excluded.count""", (s, c) -> {
                s.setDate(1, Date.valueOf(c.month()));
                s.setString(2, c.requestType());
                s.setString(3, c.measure().name());
            });
            upsert(connection, increments, RequestDuration.class, """
                    insert into privacy_request_duration_statistic (month, request_type, up_to_days, count)
                    values (?, ?, ?, ?)
                    on conflict (month, request_type, up_to_days)
                    do update set count = privacy_request_duration_statistic.count + excluded.count""", (s, d) -> {
                s.setDate(1, Date.valueOf(d.month()));
                s.setString(2, d.requestType());
                s.setInt(3, d.upToDays());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the statistics could not be counted; the change is rolled back", e);
        }
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, T increment) throws SQLException;
    }

    private static <T extends Increment> void upsert(
            Connection connection, List<Increment> increments, Class<T> kind, String sql, Binder<T> binder)
            throws SQLException {
        Map<T, Long> summed = increments.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .collect(Collectors.groupingBy(
                        Function.identity(),
                        () -> new TreeMap<>(Comparator.comparing(Object::toString)),
                        Collectors.counting()));
        if (summed.isEmpty()) {
            return;
        }
        int countColumn = (int) sql.chars().filter(c -> c == '?').count();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<T, Long> entry : summed.entrySet()) {
                binder.bind(statement, entry.getKey());
                statement.setLong(countColumn, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A stored application count. */
    record CountRow(UUID vacancyId, LocalDate month, String channel, Measure measure, long count) {}

    /** A stored duration bucket. */
    record DurationRow(UUID vacancyId, LocalDate month, Milestone milestone, int upToDays, long count) {}

    /** A stored privacy request count. */
    record RequestCountRow(LocalDate month, String requestType, RequestMeasure measure, long count) {}

    /** A stored privacy request duration bucket. */
    record RequestDurationRow(LocalDate month, String requestType, int upToDays, long count) {}

    List<CountRow> counts(LocalDate from, LocalDate until) {
        return inMonths(
                "vacancy_id, month, channel, measure, count",
                "application_statistic",
                from,
                until,
                r -> new CountRow((UUID) r[0], date(r[1]), (String) r[2], Measure.valueOf((String) r[3]), num(r[4])));
    }

    List<DurationRow> durations(LocalDate from, LocalDate until) {
        return inMonths(
                "vacancy_id, month, milestone, up_to_days, count",
                "application_duration_statistic",
                from,
                until,
                r -> new DurationRow(
                        (UUID) r[0], date(r[1]), Milestone.valueOf((String) r[2]), (int) num(r[3]), num(r[4])));
    }

    List<RequestCountRow> requestCounts(LocalDate from, LocalDate until) {
        return inMonths(
                "month, request_type, measure, count",
                "privacy_request_statistic",
                from,
                until,
                r -> new RequestCountRow(date(r[0]), (String) r[1], RequestMeasure.valueOf((String) r[2]), num(r[3])));
    }

    List<RequestDurationRow> requestDurations(LocalDate from, LocalDate until) {
        return inMonths(
                "month, request_type, up_to_days, count",
                "privacy_request_duration_statistic",
                from,
                until,
                r -> new RequestDurationRow(date(r[0]), (String) r[1], (int) num(r[2]), num(r[3])));
    }

    /**
     * The months before {@code current} that have counts but no application left (by the month it was made, in Dutch
     * time) and are not sealed yet.
     */
    @SuppressWarnings("unchecked")
    List<LocalDate> monthsToSeal(LocalDate current) {
        List<Object> rows = entityManager
                .createNativeQuery("select distinct s.month from application_statistic s where s.month < :current"
                        + " and not exists (select 1 from sealed_funnel_month m where m.month = s.month)"
                        + " and not exists (select 1 from application a"
                        + " where a.applied_at >= s.month::timestamp at time zone :zone"
                        + " and a.applied_at < (s.month + interval '1 month')::timestamp at time zone :zone)"
                        + " order by s.month")
                .setParameter("current", current)
                .setParameter("zone", Periods.ZONE.getId())
                .getResultList();
        return rows.stream().map(StatisticsRepository::date).toList();
    }

    /** Keeps the month as shown and deletes its counts; a month sealed already keeps what it was sealed with. */
    void seal(LocalDate month, String shown, Instant at) {
        entityManager
                .createNativeQuery("insert into sealed_funnel_month (month, shown, sealed_at)"
                        + " values (:month, cast(:shown as json), :at) on conflict (month) do nothing")
                .setParameter("month", month)
                .setParameter("shown", shown)
                .setParameter("at", at)
                .executeUpdate();
        deleteCountsOfSealedMonths();
    }

    /** Deletes counts of sealed months: their own, and any counted since (a replay after a restore, for one). */
    void deleteCountsOfSealedMonths() {
        for (String table : List.of("application_statistic", "application_duration_statistic")) {
            entityManager
                    .createNativeQuery(
                            "delete from " + table + " where month in (select month from sealed_funnel_month)")
                    .executeUpdate();
        }
    }

    /** The sealed months from {@code from} until {@code until}, as they were shown when sealed (JSON). */
    Map<LocalDate, String> sealed(LocalDate from, LocalDate until) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select month, cast(shown as text) from sealed_funnel_month"
                        + " where month >= :from and month < :until")
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> date(r[0]), r -> (String) r[1]));
    }

    /** The titles of these vacancies that still exist. */
    Map<UUID, String> vacancyTitles() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                entityManager.createNativeQuery("select id, title from vacancy").getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (String) r[1]));
    }

    /** The rows of one statistics table for the months from {@code from} until {@code until}; the names are constants. */
    @SuppressWarnings("unchecked")
    private <T> List<T> inMonths(
            String columns, String table, LocalDate from, LocalDate until, Function<Object[], T> row) {
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + columns + " from " + table + " where month >= :from and month < :until")
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList();
        return rows.stream().map(row).toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
