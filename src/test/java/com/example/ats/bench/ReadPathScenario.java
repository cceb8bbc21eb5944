package com.example.ats.bench;

import com.example.ats.shared.Cursor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read path under a real load generator (wrk, from Debian's packages): list pages, detail and download with a
 * database of seeded applications, against trivial endpoints of the same service in the same run.
 */
final class ReadPathScenario {

    static final int PAGE = 25;

    /** What wrk measured. */
    record Load(double perSecond, double p50Ms, double p99Ms, long errors) {}

    /** The paths measured, by name. */
    record Target(String name, String path, boolean authenticated) {}

    private final BenchStack stack;

    ReadPathScenario(BenchStack stack) {
        this.stack = stack;
    }

    /** Seeds applications (rows only: the list reads rows) as a bulk insert. Returns how many there are. */
    long seed(int applications) throws Exception {
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement()) {
            statement.execute("insert into application (id, status, applied_at, expires_at, policy_version,"
                    + " access_token_hash) select gen_random_uuid(),"
                    + " (array['RECEIVED','SCREENING','INTERVIEW','REJECTED'])[1 + n % 4],"
                    + " timestamptz '2025-01-01' + n * interval '60 seconds',"
                    + " timestamptz '2027-01-29' + n * interval '60 seconds', 'bench',"
                    + " sha256(convert_to('bench' || n, 'UTF8')) from generate_series(1, " + applications + ") n");
            statement.execute("insert into applicant (application_id, first_name, last_name, email, city)"
                    + " select id, 'Voornaam' || (hashtext(id::text) % 5000), 'Achternaam' || (hashtext(id::text) % 20000),"
                    + " 'a' || replace(id::text, '-', '') || '@example.org', 'Utrecht' from application"
                    + " where policy_version = 'bench'");
            statement.execute("analyze");
            try (ResultSet count = statement.executeQuery("select count(*) from application")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The cursor that opens the page after {@code skipped} applications, as a client holds it after paging. */
    String cursorAfter(long skipped) throws Exception {
        try (Connection connection = stack.database();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("select applied_at, id from application order by applied_at, id offset "
                                + (skipped - 1) + " limit 1")) {
            row.next();
            return new Cursor(row.getTimestamp(1).toInstant(), (UUID) row.getObject(2)).encode();
        }
    }

    /** One real application with a CV of this size, through the intake; returns its detail and download paths. */
    static List<String> realApplication(URI base, Path cv) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(IntakeScenario.upload(base, cv), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode receipt = new ObjectMapper().readTree(response.body());
        String id = receipt.get("id").asText();
        String document = receipt.get("documents").get(0).get("id").asText();
        return List.of(
                "/api/v1/applications/" + id, "/api/v1/applications/" + id + "/documents/" + document + "/content");
    }

    /** wrk with two threads, {@code connections} connections, for {@code seconds}, with a latency distribution. */
    static Load wrk(URI base, Target target, String token, int connections, int seconds) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "10s"));
        if (target.authenticated()) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(base.resolve(target.path()).toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return parse(output);
    }

    static Load parse(String output) {
        double p50 = latency(output, "50%");
        double p99 = latency(output, "99%");
        Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output: " + output);
        }
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(output);
        long failed = errors.find() ? Long.parseLong(errors.group(1)) : 0;
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                failed += Long.parseLong(socket.group(i));
            }
        }
        return new Load(Double.parseDouble(rate.group(1)), p50, p99, failed);
    }

    private static double latency(String output, String percentile) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)")
                .matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk output: " + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
