package com.example.ats.encryption;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.retention.Applications;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store only ever sees ciphertext (ADR 0030): read straight from the store with its own credentials, an
 * application's objects hold nothing of the files and do not compress; through the service they come back byte for
 * byte, checked against the SHA-256 taken at intake. Runs on MinIO and on SeaweedFS.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class EncryptedObjectsTest {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ats.storage.bucket")
    String bucket;

    @Test
    void theStoreHoldsOnlyCiphertextAndTheServiceGivesTheFilesBackByteForByte() throws Exception {
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] cv = text(marker, 300_000); // a few segments
        byte[] letter = text(marker, 2_000_000); // many segments
        String id = Intake.request(Intake.form())
                .multiPart("cv", "cv.txt", cv, "text/plain")
                .multiPart("motivationLetter", "letter.txt", letter, "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        UUID application = UUID.fromString(id);

        List<String> keys = Applications.objects(bucket, application);
        assertThat(keys).hasSize(2);
        for (String key : keys) {
            byte[] stored = RawObjects.read(bucket, key);
            assertThat(RawObjects.contains(stored, marker.getBytes(StandardCharsets.UTF_8)))
                    .as("the marker in the stored bytes of %s", key)
                    .isFalse();
            assertThat(RawObjects.contains(stored, "Curriculum".getBytes(StandardCharsets.UTF_8)))
                    .isFalse();
            assertThat(RawObjects.compressionRatio(stored))
                    .as("stored bytes compress like random ones")
                    .isGreaterThan(0.99);
            assertThat(RawObjects.compressionRatio(plaintextOf(key, cv, letter)))
                    .as("while the file itself compresses well")
                    .isLessThan(0.2);
        }
        assertThat(RawObjects.keyRows(entityManager, application)).isOne();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> entityManager
                                .createNativeQuery("select bool_and(encrypted) from document where application_id = ?1")
                                .setParameter(1, application)
                                .getSingleResult()))
                .isEqualTo(true);

        for (String documentId : as("recruiter")
                .get("/api/v1/applications/{id}", application)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("documents.id", String.class)) {
            byte[] downloaded = as("recruiter")
                    .get("/api/v1/applications/{id}/documents/{doc}/content", application, documentId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(sha256(downloaded)).isIn(sha256(cv), sha256(letter));
        }

        byte[] archive = as("privacy-officer")
                .get("/api/v1/applications/{id}/export", application)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<String> exported = new java.util.ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("documents/")) {
                    exported.add(sha256(zip.readAllBytes()));
                }
            }
        }
        assertThat(exported).containsExactlyInAnyOrder(sha256(cv), sha256(letter));
    }

    private byte[] plaintextOf(String key, byte[] cv, byte[] letter) {
        byte[] stored = RawObjects.read(bucket, key);
        return stored.length < 1_000_000 ? cv : letter;
    }

    private static byte[] text(String marker, int size) {
        StringBuilder text = new StringBuilder("Curriculum vitae\n");
        for (int line = 0; text.length() < size; line++) {
            text.append("Regel ").append(line).append(": ").append(marker).append(" ervaring met Java.\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
