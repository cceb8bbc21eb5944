package com.example.ats.purge;

import com.example.ats.retention.Applications;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.SourceObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Backups as an operator takes them: {@code pg_dump} of the database (the real tool of the running PostgreSQL) and a
 * copy of the objects into a backup bucket (what {@code mc mirror} does); and their restore.
 */
final class Backups {

    static final String BACKUP_BUCKET = "ats-test-backup";

    private Backups() {}

    /** A data-only dump of every table (the schema is Flyway's) in pg_dump's custom format. */
    static void dumpDatabase(Path file) {
        run(List.of(
                tool("pg_dump"),
                "--data-only",
                "--format=custom",
                "--exclude-table=flyway_schema_history",
                "--file=" + file));
    }

    /** Loads a dump into the emptied tables, in one transaction. */
    static void restoreDatabase(Path file) {
        run(List.of(tool("pg_restore"), "--data-only", "--single-transaction", "--exit-on-error", file.toString()));
    }

    static void copyObjects(String fromBucket, String toBucket, List<UUID> applications) {
        MinioClient minio = Applications.minio();
        try {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(toBucket).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(toBucket).build());
            }
            for (UUID application : applications) {
                for (String key : Applications.objects(fromBucket, application)) {
                    minio.copyObject(CopyObjectArgs.builder()
                            .bucket(toBucket)
                            .object(key)
                            .source(SourceObject.builder()
                                    .bucket(fromBucket)
                                    .object(key)
                                    .build())
                            .build());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy objects", e);
        }
    }

    private static String tool(String name) {
        String directory = System.getenv("ATS_PG_BIN");
        return directory == null || directory.isBlank()
                ? name
                : Path.of(directory, name).toString();
    }

    /** Runs a PostgreSQL client tool against the test database. */
    private static void run(List<String> command) {
        var config = ConfigProvider.getConfig();
        URI url = URI.create(
                config.getValue("quarkus.datasource.jdbc.url", String.class).substring("jdbc:".length()));
        List<String> full = new ArrayList<>(command);
        full.addAll(
                1,
                List.of(
                        "--host=" + url.getHost(),
                        "--port=" + url.getPort(),
                        "--username=" + config.getValue("quarkus.datasource.username", String.class),
                        "--dbname=" + url.getPath().substring(1)));
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", config.getValue("quarkus.datasource.password", String.class));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
