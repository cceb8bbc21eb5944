package com.example.ats.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The real PostgreSQL, MinIO and Keycloak of bin/stack, as the environment of bench/run names them. */
final class BenchStack {

    final MinioClient minio;
    final String bucket;

    BenchStack() {
        this.minio = MinioClient.builder()
                .endpoint(env("ATS_STORAGE_ENDPOINT"))
                .credentials(env("ATS_STORAGE_ACCESS_KEY"), env("ATS_STORAGE_SECRET_KEY"))
                .build();
        this.bucket = env("ATS_STORAGE_BUCKET");
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run the benchmark through bench/run");
        }
        return value;
    }

    Connection database() throws Exception {
        return DriverManager.getConnection(env("ATS_DB_URL"), env("ATS_DB_USERNAME"), env("ATS_DB_PASSWORD"));
    }

    /** Empties the benchmark's database tables (the schema stays) and its bucket. */
    void reset() throws Exception {
        try (Connection connection = database();
                Statement statement = connection.createStatement()) {
            statement.execute("do $$ declare tables text; begin"
                    + " select string_agg(quote_ident(tablename), ', ') into tables from pg_tables"
                    + " where schemaname = current_schema() and tablename <> 'flyway_schema_history';"
                    + " if tables is not null then execute 'truncate table ' || tables || ' cascade'; end if; end $$");
        }
        emptyBucket("");
    }

    void ensureBucket() throws Exception {
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    void emptyBucket(String prefix) throws Exception {
        ensureBucket();
        List<DeleteRequest.Object> keys = new ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(prefix)
                .recursive(true)
                .build())) {
            keys.add(new DeleteRequest.Object(item.get().objectName()));
        }
        for (int from = 0; from < keys.size(); from += 1000) {
            for (Result<DeleteResult.Error> error : minio.removeObjects(RemoveObjectsArgs.builder()
                    .bucket(bucket)
                    .objects(keys.subList(from, Math.min(keys.size(), from + 1000)))
                    .build())) {
                throw new IllegalStateException("delete failed: " + error.get().code());
            }
        }
    }

    /** A real token of a demo user from the real Keycloak. */
    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=ats-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(env("ATS_OIDC_URL") + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }
}
