package com.example.ats.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.retention.Applications;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import com.example.ats.work.WorkQueue;
import io.minio.PutObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Files stored before encryption are encrypted by the migration job: afterwards every application reads back with
 * its SHA-256 and no plaintext object is left in the store, also when a replica dies midway (after writing an
 * encrypted object it never recorded, and after recording one whose plaintext it never deleted).
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class PlainFileMigrationTest {

    @Inject
    PlainFileMigration migration;

    @Inject
    WorkQueue queue;

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    StoredFiles files;

    @Inject
    EncryptionConfig config;

    @Inject
    com.example.ats.intake.OrphanSweep orphans;

    @ConfigProperty(name = "ats.storage.bucket")
    String bucket;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void filesStoredInClearAreEncryptedWithoutLossEvenWhenAReplicaDiesMidway() throws Exception {
        migration.migrate(); // whatever earlier tests left in clear first
        String marker = "PLAIN-" + UUID.randomUUID();
        List<UUID> applications = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] cv = ("Curriculum vitae " + i + "\n" + marker + "\n")
                    .repeat(2_000)
                    .getBytes(StandardCharsets.UTF_8);
            contents.add(cv);
            applications.add(UUID.fromString(Intake.request(Intake.form())
                    .multiPart("cv", "cv.txt", cv, "text/plain")
                    .post(Intake.PATH)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getString("id")));
        }
        for (int i = 0; i < 3; i++) {
            storeInClear(applications.get(i), contents.get(i));
            assertThat(Downloads.cv(applications.get(i))).as("read as it is").isEqualTo(contents.get(i));
        }
        assertThat(plaintextObjects(applications, marker)).isEqualTo(3);
        // a download that read the document's row before the migration streams after it
        StoredFiles.Readable readBefore = files.prepare(storedFile(applications.getFirst()));

        // a replica claims one, writes its encrypted object, and dies before it records it
        List<WorkQueue.Item<PlainFileRepository.Plain>> dead = queue.claim(migration);
        WorkQueue.Item<PlainFileRepository.Plain> first = dead.getFirst();
        assertThat(queue.begin(migration, first.claim())).isTrue();
        assertThat(migration.perform(first.payload()).done()).isTrue();
        // another one records its next item and dies before deleting the plaintext object
        List<WorkQueue.Item<PlainFileRepository.Plain>> second = List.of(dead.get(1));
        assertThat(queue.run(migration, second).recorded()).isOne();
        assertThat(plaintextObjects(applications, marker))
                .as("the plaintext of the recorded one is still there")
                .isEqualTo(3);

        migration.migrate();
        clock.travel(migration.kind().lease().plusSeconds(1));
        migration.migrate();
        assertThat(plaintextObjects(applications, marker))
                .as("kept while reads that began before the switch may still stream it")
                .isEqualTo(3);
        try (InputStream in = files.open(readBefore)) {
            assertThat(in.readAllBytes()).isEqualTo(contents.getFirst());
        }
        clock.travel(Duration.ofMinutes(56)); // the objects are older than the orphan grace now
        orphans.sweep();
        assertThat(plaintextObjects(applications, marker))
                .as("the orphan sweep leaves a plaintext object alone while it is kept")
                .isEqualTo(3);
        clock.travel(config.plainKeptFor());
        migration.migrate();

        for (int i = 0; i < 3; i++) {
            assertThat(Downloads.cv(applications.get(i))).isEqualTo(contents.get(i));
            assertThat(RawObjects.keyRows(entityManager, applications.get(i))).isOne();
        }
        assertThat(plaintextObjects(applications, marker)).isZero();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> entityManager
                                .createNativeQuery("select count(*) from document where application_id in (?1)"
                                        + " and (not encrypted or plain_object_key is not null)")
                                .setParameter(1, applications)
                                .getSingleResult()))
                .isEqualTo(0L);
        assertThat(io.restassured.RestAssured.get("/q/metrics").then().extract().asString())
                .contains("ats_encryption_files_plain 0.0")
                .containsPattern("ats_encryption_files_migrated_total [3-9]");
    }

    @Test
    void aFileThatDiffersFromItsIntakeIsEncryptedAsItIsStoredSoThatErasureReachesItToo() throws Exception {
        migration.migrate(); // whatever earlier tests left in clear first
        String marker = "CHANGED-" + UUID.randomUUID();
        byte[] cv = ("Curriculum vitae\n" + marker + "\n").repeat(500).getBytes(StandardCharsets.UTF_8);
        UUID application = UUID.fromString(Intake.request(Intake.form())
                .multiPart("cv", "cv.txt", cv, "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id"));
        byte[] changed = cv.clone();
        changed[7] ^= 1;
        storeInClear(application, changed);
        try {
            migration.migrate();
            clock.travel(config.plainKeptFor());
            migration.migrate();

            StoredFile now = storedFile(application);
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> entityManager
                                    .createNativeQuery("select encrypted from document where application_id = ?1")
                                    .setParameter(1, application)
                                    .getSingleResult()))
                    .isEqualTo(true);
            assertThat(plaintextObjects(List.of(application), marker)).isZero();
            try (InputStream in = files.open(new StoredFile(application, now.documentId(), now.objectKey(), true))) {
                assertThat(in.readAllBytes())
                        .as("what was stored, not what was received")
                        .isEqualTo(changed);
            }
        } finally {
            com.example.ats.shared.Api.as("privacy-officer")
                    .queryParam("reason", "ERASURE_REQUEST")
                    .delete("/api/v1/applications/{id}", application)
                    .then()
                    .statusCode(204);
        }
    }

    private StoredFile storedFile(UUID application) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager
                    .createNativeQuery("select id, object_key from document where application_id = ?1")
                    .setParameter(1, application)
                    .getSingleResult();
            return new StoredFile(application, (UUID) row[0], (String) row[1], false);
        });
    }

    /** Makes the application look as one stored before encryption: its object in clear, no key, not encrypted. */
    private void storeInClear(UUID application, byte[] content) throws Exception {
        String key = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select object_key from document where application_id = ?1")
                .setParameter(1, application)
                .getSingleResult());
        Applications.minio()
                .putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                                new ByteArrayInputStream(content), (long) content.length, -1L)
                        .build());
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("update document set encrypted = false where application_id = ?1")
                    .setParameter(1, application)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("delete from application_key where application_id = ?1")
                    .setParameter(1, application)
                    .executeUpdate();
        });
    }

    private long plaintextObjects(List<UUID> applications, String marker) {
        return applications.stream()
                .flatMap(application -> Applications.objects(bucket, application).stream())
                .filter(key ->
                        RawObjects.contains(RawObjects.read(bucket, key), marker.getBytes(StandardCharsets.UTF_8)))
                .count();
    }
}
