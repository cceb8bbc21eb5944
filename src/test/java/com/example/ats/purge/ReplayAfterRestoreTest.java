package com.example.ats.purge;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.encryption.RawObjects;
import com.example.ats.retention.Applications;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A backup restored after applicants were purged or erased brings them back; replaying the purge records kept since
 * the backup removes them again, files included, and puts the lost proof of deletion back. Real pg_dump and
 * pg_restore on the real PostgreSQL, real object copies in MinIO.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class ReplayAfterRestoreTest {

    @Inject
    TestClock clock;

    @Inject
    Purger purger;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ats.storage.bucket")
    String bucket;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void replayingThePurgeRecordsAfterARestoreRemovesTheResurrectedApplicantsAgain() throws Exception {
        Applications.Submitted erased = Applications.submit(true);
        Applications.Submitted expired = Applications.submit(false);
        Applications.Submitted kept = Applications.submit(true);
        List<UUID> all = List.of(erased.id(), expired.id(), kept.id());

        // Nightly backup: the database and the objects.
        Path dump = Files.createTempFile("ats-backup", ".dump");
        Backups.dumpDatabase(dump);
        Backups.copyObjects(bucket, Backups.BACKUP_BUCKET, all);
        Instant backupTakenAt = clock.instant();
        for (Applications.Submitted application : List.of(erased, expired)) {
            assertThat(decryptableBackupObjects(application.id()))
                    .as("while the application lives, its key opens the backup's copies")
                    .isEqualTo(2);
        }

        // After the backup: one applicant asks for erasure, another one's time runs out.
        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/{id}", erased.id())
                .then()
                .statusCode(204);
        clock.travelTo(expired.expiresAt());
        purger.run(); // the clock stays there: the restore and the replay come after the purge
        assertThat(Applications.objects(erased.id())).isEmpty();
        assertThat(Applications.objects(expired.id())).isEmpty();
        for (Applications.Submitted application : List.of(erased, expired)) {
            // the backup still holds the objects; nothing the live database and configuration hold opens them
            assertThat(Applications.objects(Backups.BACKUP_BUCKET, application.id()))
                    .hasSize(2);
            assertThat(RawObjects.keyRows(entityManager, application.id())).isZero();
            assertThat(decryptableBackupObjects(application.id())).isZero();
        }

        // The purge records since the backup, exported as the operator's runbook says (kept apart from backups).
        List<Map<String, Object>> records = purgeRecordsSince(backupTakenAt, List.of(erased.id(), expired.id()));
        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record).containsEntry("keyDestroyed", true));

        // Disaster: restore the database and the objects from last night's backup.
        emptyEveryTable();
        Backups.restoreDatabase(dump);
        Backups.copyObjects(Backups.BACKUP_BUCKET, bucket, all);
        for (Applications.Submitted application : List.of(erased, expired)) {
            detail(application.id()).then().statusCode(200);
            assertThat(Applications.objects(application.id())).hasSize(2);
            assertThat(Applications.purgeRecords(entityManager, application.id()))
                    .isZero();
            assertThat(RawObjects.keyRows(entityManager, application.id()))
                    .as("the restore brought the key back")
                    .isOne();
        }

        JsonPath outcome = replay(records);
        assertThat(outcome.getInt("records")).isEqualTo(2);
        assertThat(outcome.getInt("applicationsRemoved")).isEqualTo(2);
        assertThat(outcome.getInt("objectsRemoved")).isEqualTo(4);
        assertThat(outcome.getInt("recordsRestored")).isEqualTo(2);
        assertThat(outcome.getInt("keysDestroyed")).isEqualTo(2);

        for (Applications.Submitted application : List.of(erased, expired)) {
            detail(application.id()).then().statusCode(404);
            Applications.assertNoRows(entityManager, application.id());
            assertThat(Applications.objects(application.id())).isEmpty();
            assertThat(Applications.purgeRecords(entityManager, application.id()))
                    .isOne();
            assertThat(RawObjects.keyRows(entityManager, application.id())).isZero();
            assertThat(decryptableBackupObjects(application.id()))
                    .as("the backup's copies are random bytes again")
                    .isZero();
        }
        // The restored proof is the original one: same time and reason.
        assertThat(purgeRecordsSince(backupTakenAt, List.of(erased.id(), expired.id())))
                .isEqualTo(records);
        // Everyone else is untouched.
        detail(kept.id()).then().statusCode(200);
        assertThat(Applications.objects(kept.id())).hasSize(2);

        JsonPath again = replay(records);
        assertThat(again.getInt("applicationsRemoved")).isZero();
        assertThat(again.getInt("recordsRestored")).isZero();
        Files.delete(dump);
    }

    @Test
    void objectsRestoredWithoutTheirRowsAreRemovedToo() {
        Applications.Submitted application = Applications.submit(false);
        Backups.copyObjects(bucket, Backups.BACKUP_BUCKET, List.of(application.id()));
        Instant before = clock.instant();
        clock.travelTo(application.expiresAt());
        purger.run(); // the clock stays there: the restore and the replay come after the purge
        List<Map<String, Object>> records = purgeRecordsSince(before, List.of(application.id()));

        // Only the object store was restored.
        Backups.copyObjects(Backups.BACKUP_BUCKET, bucket, List.of(application.id()));
        assertThat(Applications.objects(application.id())).hasSize(2);

        JsonPath outcome = replay(records);
        assertThat(outcome.getInt("applicationsRemoved")).isZero();
        assertThat(outcome.getInt("objectsRemoved")).isEqualTo(2);
        assertThat(Applications.objects(application.id())).isEmpty();
        assertThat(Applications.purgeRecords(entityManager, application.id())).isOne();
    }

    @Test
    void aReplayCannotDeleteWhatWasNotDueOrIsHeldNorRecordAPurgeInTheFuture() {
        Applications.Submitted live = Applications.submit(true);
        Applications.Submitted held = Applications.submit(false);
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute 2026-131"))
                .put("/api/v1/applications/" + held.id() + "/legal-hold")
                .then()
                .statusCode(200);
        clock.travelTo(held.expiresAt().plus(java.time.Duration.ofDays(1)));
        Instant now = clock.instant();
        UUID never = UUID.randomUUID();
        List<Map<String, Object>> forged = List.of(
                record(live.id(), "EXPIRED", now.minusSeconds(7200), now.minusSeconds(3600)),
                record(held.id(), "EXPIRED", held.expiresAt(), now.minusSeconds(60)),
                record(never, "ERASURE_REQUEST", null, now.plus(java.time.Duration.ofDays(1))));

        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("records", forged))
                .post("/api/v1/retention/purges/replay")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "records[" + live.id() + "]", "records[" + held.id() + "]", "records[" + never + "]"));

        for (Applications.Submitted application : List.of(live, held)) {
            detail(application.id()).then().statusCode(200);
            assertThat(Applications.objects(application.id())).hasSize(2);
            assertThat(Applications.purgeRecords(entityManager, application.id()))
                    .isZero();
        }
        assertThat(Applications.purgeRecords(entityManager, never)).isZero();
    }

    private static Map<String, Object> record(UUID id, String reason, Instant expiresAt, Instant purgedAt) {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("applicationId", id.toString());
        if (expiresAt != null) {
            record.put("expiresAt", expiresAt.toString());
        }
        record.put("purgedAt", purgedAt.toString());
        record.put("reason", reason);
        record.put("policyVersion", "without=P28D;with=P12M;zone=Europe/Amsterdam;start=APPLICATION_DATE");
        record.put("objectsRemoved", 2);
        return record;
    }

    @Test
    void aReplayWithoutRecordsOrWithABrokenRecordIsRefusedAndChangesNothing() {
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("records", List.of()))
                .post("/api/v1/retention/purges/replay")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "records",
                        List.of(Map.of("applicationId", UUID.randomUUID().toString()))))
                .post("/api/v1/retention/purges/replay")
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("purgedAt")));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("records", List.of()))
                .post("/api/v1/retention/purges/replay")
                .then()
                .statusCode(403);
    }

    /** How many of the application's objects in the backup bucket a key the live database holds decrypts. */
    private long decryptableBackupObjects(UUID application) {
        return Applications.objects(Backups.BACKUP_BUCKET, application).stream()
                .filter(key -> RawObjects.decryptWithWhatIsLeft(
                                entityManager, RawObjects.read(Backups.BACKUP_BUCKET, key), RawObjects.documentOf(key))
                        != null)
                .count();
    }

    private static io.restassured.response.Response detail(UUID id) {
        return as("privacy-officer").get("/api/v1/applications/{id}", id);
    }

    private static JsonPath replay(List<Map<String, Object>> records) {
        return as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("records", records))
                .post("/api/v1/retention/purges/replay")
                .then()
                .statusCode(200)
                .body("records", equalTo(records.size()))
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> purgeRecordsSince(Instant from, List<UUID> applications) {
        List<Map<String, Object>> items = as("privacy-officer")
                .queryParam("from", from.toString())
                .queryParam("limit", 100)
                .get("/api/v1/retention/purges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(item -> applications.contains(UUID.fromString((String) item.get("applicationId"))))
                .toList();
    }

    /** What a restore into the existing schema starts from: every table empty (Flyway's history aside). */
    private void emptyEveryTable() {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager
                    .createNativeQuery(
                            "select tablename from pg_tables where schemaname = current_schema()"
                                    + " and tablename <> 'flyway_schema_history'",
                            String.class)
                    .getResultList();
            entityManager
                    .createNativeQuery("truncate table " + String.join(", ", tables) + " cascade")
                    .executeUpdate();
        });
    }
}
