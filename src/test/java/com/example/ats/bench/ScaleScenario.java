package com.example.ats.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database at scale (issue 37): applications with their applicants seeded in bulk, two audit events each spread
 * over the 24 months the trail keeps (into the monthly tables, ADR 0031), and a month of outbox events; then the disk
 * each of them takes.
 */
final class ScaleScenario {

    /** Audit events per application, as the issue asks (20 million at 10 million applications). */
    static final int AUDIT_PER_APPLICATION = 2;

    private final BenchStack stack;

    ScaleScenario(BenchStack stack) {
        this.stack = stack;
    }

    /**
     * Seeds the applications numbered {@code from} (inclusive) to {@code to} (exclusive), each with its applicant, as
     * the read path's seed does (names from 5,000 first and 20,000 last names, a unique e-mail address), and their
     * audit events. Applied one a minute from 2025-01-01 on; none is due for the purge.
     */
    void seed(long from, long to) throws Exception {
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement()) {
            statement.execute("set synchronous_commit = off");
            statement.execute("set maintenance_work_mem = '512MB'");
            statement.execute("with a as (insert into application (id, status, applied_at, expires_at, policy_version,"
                    + " access_token_hash) select gen_random_uuid(),"
                    + " (array['RECEIVED','SCREENING','INTERVIEW','REJECTED'])[1 + n % 4],"
                    + " timestamptz '2025-01-01' + n * interval '60 seconds',"
                    + " timestamptz '2045-01-01' + n * interval '60 seconds', 'bench',"
                    + " sha256(convert_to('bench' || n, 'UTF8')) from generate_series(" + from + ", " + (to - 1)
                    + ") n returning id)"
                    + " insert into applicant (application_id, first_name, last_name, email, city)"
                    + " select id, 'Voornaam' || abs(hashtext(id::text) % 5000), 'Achternaam' ||"
                    + " abs(hashtext(id::text) % 20000), 'a' || replace(id::text, '-', '') || '@example.org', 'Utrecht'"
                    + " from a");
        }
    }

    /** Two audit events per seeded application, spread evenly over the last 24 months, into their months' tables. */
    void seedAudit(long applications) throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement()) {
            // The service creates the months from now on; a trail two years deep needs the past ones too.
            for (YearMonth month = now.minusMonths(24); month.isBefore(now); month = month.plusMonths(1)) {
                createMonth(statement, "audit_event", month);
            }
            statement.execute("set synchronous_commit = off");
            statement.execute("insert into audit_event (id, occurred_at, actor, actor_role, action, application_id)"
                    + " select gen_random_uuid(), now() - interval '729 days' * random(), 'bench-recruiter',"
                    + " 'RECRUITER', (array['APPLICATION_READ','DOCUMENT_DOWNLOADED'])[e], a.id"
                    + " from application a cross join generate_series(1, " + AUDIT_PER_APPLICATION + ") e"
                    + " where a.policy_version = 'bench'");
        }
    }

    /** {@code events} copies of a real outbox event (its type and data), spread over the last 29 days. */
    void seedEvents(long events) throws Exception {
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement()) {
            createMonth(statement, "outbox_event", YearMonth.now(ZoneOffset.UTC).minusMonths(1));
            statement.execute("set synchronous_commit = off");
            statement.execute("insert into outbox_event (id, type, subject_id, occurred_at, data)"
                    + " select gen_random_uuid(), e.type, e.subject_id,"
                    + " now() - interval '29 days' + n * (interval '29 days' / " + events + "), e.data"
                    + " from (select * from outbox_event order by seq limit 1) e, generate_series(1, " + events
                    + ") n");
        }
    }

    /** A past month's table, as the service names them (it creates the current month and those after it). */
    private static void createMonth(Statement statement, String table, YearMonth month) throws Exception {
        statement.execute(
                "create table if not exists " + table + "_p" + month.toString().replace("-", "")
                        + " partition of " + table + " for values from ('" + month.atDay(1) + " 00:00+00') to ('"
                        + month.plusMonths(1).atDay(1) + " 00:00+00')");
    }

    void analyze() throws Exception {
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
    }

    /** A part of one seeded applicant's e-mail address that matches that applicant alone. */
    String emailPart() throws Exception {
        return single("select substr(email, 2, 12) from applicant order by application_id limit 1");
    }

    /** The last name of one seeded applicant: about one applicant in 20,000 has it (there is always one). */
    String namePart() throws Exception {
        return single("select lower(last_name) from applicant order by application_id limit 1");
    }

    /** Rows and disk (table with its indexes and TOAST, in bytes) of the tables that grow with applications. */
    Map<String, Object> disk() throws Exception {
        Map<String, Object> disk = new LinkedHashMap<>();
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {"application", "applicant", "audit_event", "outbox_event"}) {
                try (ResultSet row = statement.executeQuery("select (select count(*) from " + table + "),"
                        + " coalesce((select sum(pg_total_relation_size(i.inhrelid)) from pg_inherits i"
                        + " where i.inhparent = '" + table + "'::regclass), 0) + pg_total_relation_size('" + table
                        + "')")) {
                    row.next();
                    disk.put(table, Map.of("rows", row.getLong(1), "bytes", row.getLong(2)));
                }
            }
            try (ResultSet row = statement.executeQuery("select c.relname, c.reltuples::bigint,"
                    + " pg_total_relation_size(c.oid) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                    + " where i.inhparent = 'audit_event'::regclass and c.reltuples > 0"
                    + " order by pg_total_relation_size(c.oid) desc limit 1")) {
                if (row.next()) {
                    disk.put(
                            "largestAuditMonth",
                            Map.of("table", row.getString(1), "rows", row.getLong(2), "bytes", row.getLong(3)));
                }
            }
        }
        return disk;
    }

    private String single(String sql) throws Exception {
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
