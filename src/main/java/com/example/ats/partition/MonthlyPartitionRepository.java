package com.example.ats.partition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The tables partitioned by calendar month (UTC) on {@code occurred_at} (ADR 0031): the audit trail and the outbox.
 * A month is the table {@code <table>_pYYYYMM}; rows of a month that has no table wait in {@code <table>_default}.
 * The owner of each table calls {@link #prepare} and {@link #dropBefore} from its retention job, and deletes the rows
 * older than its cutoff that remain (in the month the cutoff falls in, and in the default partition) itself.
 */
@ApplicationScoped
public class MonthlyPartitionRepository {

    /** The tables partitioned this way (V22): names are checked against it before they go into SQL. */
    static final Set<String> TABLES = Set.of("audit_event", "outbox_event");

    /** Months created ahead of the current one, so that rows never wait in the default partition in normal running. */
    static final int MONTHS_AHEAD = 3;

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

    private final EntityManager entityManager;

    MonthlyPartitionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Creates the month of {@code now} and the {@link #MONTHS_AHEAD} after it where missing, each in a transaction of
     * its own; rows of such a month that waited in the default partition move into it. Returns how many it created.
     */
    public int prepare(String table, Instant now) {
        checked(table);
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> existing = months(table);
        int created = 0;
        for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
            YearMonth month = current.plusMonths(ahead);
            if (!existing.contains(month)) {
                QuarkusTransaction.requiringNew().run(() -> create(table, month));
                created++;
            }
        }
        return created;
    }

    /**
     * Drops every month that ends at or before {@code cutoff}, oldest first, each in a transaction of its own in which
     * {@code beforeDrop} first receives the month's table name, records what goes with it and answers how many rows
     * the month held. Returns how many rows went.
     */
    public long dropBefore(String table, Instant cutoff, ToLongFunction<String> beforeDrop) {
        checked(table);
        long dropped = 0;
        for (YearMonth month : months(table)) {
            if (!start(month.plusMonths(1)).isAfter(cutoff)) {
                String partition = name(table, month);
                dropped += QuarkusTransaction.requiringNew().call(() -> {
                    // Dropping needs the table's strongest lock, and writers queue behind a waiting drop: it waits
                    // half a second at most, then the next round tries again.
                    exclusively(table, "500ms");
                    if (!exists(partition)) {
                        return 0L; // another replica dropped it
                    }
                    long rows = beforeDrop.applyAsLong(partition);
                    entityManager.createNativeQuery("drop table " + partition).executeUpdate();
                    return rows;
                });
            }
        }
        return dropped;
    }

    /** How many rows a month's table holds; for a {@link #dropBefore} whose caller records nothing else. */
    public long rows(String partition) {
        if (!partition.matches("[a-z_]+_p[0-9]{6}")
                || !TABLES.contains(partition.substring(0, partition.length() - 8))) {
            throw new IllegalArgumentException("not a month of a table partitioned by month: " + partition);
        }
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from " + partition)
                        .getSingleResult())
                .longValue();
    }

    /** The months that have a table of their own, oldest first. */
    public List<YearMonth> months(String table) {
        checked(table);
        @SuppressWarnings("unchecked")
        List<String> names = entityManager
                .createNativeQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " join pg_class p on p.oid = i.inhparent where p.relname = :table"
                        + " and c.relname ~ ('^' || :table || '_p[0-9]{6}$') order by c.relname")
                .setParameter("table", table)
                .getResultList();
        return names.stream()
                .map(name -> YearMonth.parse(name.substring(name.length() - 6), SUFFIX))
                .toList();
    }

    private void create(String table, YearMonth month) {
        exclusively(table, "5s");
        String partition = name(table, month);
        if (exists(partition)) {
            return; // another replica created it
        }
        // Built beside the table and attached, rather than created as a partition: creating one takes the parent's
        // strongest lock, attaching a weaker one that lets reads and writes go on.
        entityManager
                .createNativeQuery("create table " + partition + " (like " + table + ")")
                .executeUpdate();
        // The rows move, they are not gone: the outbox's trigger keeps their webhook deliveries (V22).
        entityManager.createNativeQuery("set local ats.moving_rows = 'on'").executeUpdate();
        entityManager
                .createNativeQuery("with moved as (delete from " + table + "_default where occurred_at >= :from"
                        + " and occurred_at < :to returning *) insert into " + partition + " select * from moved")
                .setParameter("from", start(month))
                .setParameter("to", start(month.plusMonths(1)))
                .executeUpdate();
        entityManager
                .createNativeQuery("alter table " + table + " attach partition " + partition + " for values from ('"
                        + start(month) + "') to ('" + start(month.plusMonths(1)) + "')")
                .executeUpdate();
    }

    /**
     * One replica at a time changes a table's months (the others wait, then find the change made); a lock on the table
     * itself is waited for at most {@code lockTimeout}, then the job's next round tries again.
     */
    private void exclusively(String table, String lockTimeout) {
        entityManager
                .createNativeQuery("set local lock_timeout = '" + lockTimeout + "'")
                .executeUpdate();
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "monthly-partitions:" + table)
                .getSingleResult();
    }

    private boolean exists(String partition) {
        return entityManager
                        .createNativeQuery("select to_regclass(:name) is not null")
                        .setParameter("name", partition)
                        .getSingleResult()
                == Boolean.TRUE;
    }

    static String name(String table, YearMonth month) {
        return table + "_p" + month.format(SUFFIX);
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void checked(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a table partitioned by month: " + table);
        }
    }
}
