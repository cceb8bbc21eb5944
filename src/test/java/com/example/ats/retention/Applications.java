package com.example.ats.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Submits applications through the public intake and looks at what PostgreSQL and MinIO hold of them. */
public final class Applications {

    /** Tables that hold an application's rows (all keyed by its id). */
    public static final List<String> TABLES =
            List.of("application", "applicant", "document", "consent_event", "status_change", "consent_question");

    private Applications() {}

    public record Submitted(UUID id, Instant appliedAt, Instant expiresAt) {}

    /** An application with a CV and a motivation letter, with or without the retention consent. */
    public static Submitted submit(boolean consent) {
        Map<String, Object> form = Intake.form();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("granted", consent);
        if (consent) {
            answer.put("textVersion", "2026-01");
        }
        form.put("retentionConsent", answer);
        JsonPath receipt = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("motivationLetter", "letter.txt", SampleFiles.txt(), "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Submitted(
                UUID.fromString(receipt.getString("id")),
                Instant.parse(receipt.getString("appliedAt")),
                Instant.parse(receipt.getString("expiresAt")));
    }

    /** Rows per table that belong to the application. */
    public static Map<String, Long> rows(EntityManager entityManager, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                String column = table.equals("application") ? "id" : "application_id";
                Number count = (Number) entityManager
                        .createNativeQuery("select count(*) from " + table + " where " + column + " = ?1")
                        .setParameter(1, id)
                        .getSingleResult();
                counts.put(table, count.longValue());
            }
            return counts;
        });
    }

    public static void assertNoRows(EntityManager entityManager, UUID id) {
        assertThat(rows(entityManager, id))
                .allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    /** The application's e-mail address as stored (null once its owner took it out). */
    public static String email(EntityManager entityManager, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select email from applicant where application_id = ?1")
                .setParameter(1, id)
                .getSingleResult());
    }

    /** The addresses of the privacy requests linked to the application. */
    @SuppressWarnings("unchecked")
    public static List<String> requestAddresses(EntityManager entityManager, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select r.email from privacy_request r join privacy_request_application a"
                                + " on a.privacy_request_id = r.id where a.application_id = ?1")
                        .setParameter(1, id)
                        .getResultList());
    }

    public static long purgeRecords(EntityManager entityManager, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from purge_record where application_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }

    /** The application's objects, listed straight from MinIO with its SDK (not through the service's adapter). */
    public static List<String> objects(UUID id) {
        return objects(ConfigProvider.getConfig().getValue("ats.storage.bucket", String.class), id);
    }

    /** The application's objects in a bucket, listed straight from MinIO. */
    public static List<String> objects(String bucket, UUID id) {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : minio().listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix("applications/" + id + "/")
                    .recursive(true)
                    .build())) {
                keys.add(result.get().objectName());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list MinIO", e);
        }
        return keys;
    }

    /** A MinIO client of its own, to the real MinIO (some profiles put a proxy between the service and it). */
    public static MinioClient minio() {
        var config = ConfigProvider.getConfig();
        return MinioClient.builder()
                .endpoint(System.getenv().getOrDefault("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000"))
                .credentials(
                        config.getValue("ats.storage.access-key", String.class),
                        config.getValue("ats.storage.secret-key", String.class))
                .build();
    }
}
