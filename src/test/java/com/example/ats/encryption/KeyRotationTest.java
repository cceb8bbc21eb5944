package com.example.ats.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.SampleFiles;
import com.example.ats.retention.Applications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A rotation of the key-encryption key: files whose data keys were wrapped by the old key read while both are
 * configured; the re-wrap job moves every data key to the new one and is audited; after that the old key can go and
 * nothing is lost. The test configuration gives two keys, test-2 (current) and test-1.
 */
@QuarkusTest
class KeyRotationTest {

    @Inject
    KeyRotation rotation;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ats.storage.bucket")
    String bucket;

    @Test
    void filesUnderTheOldKeyReadAfterRotationAndTheOldKeyCanGoOnceTheJobMovedEveryDataKey() {
        Applications.Submitted first = Applications.submit(true);
        Applications.Submitted second = Applications.submit(true);
        List<UUID> ours = List.of(first.id(), second.id());
        // as they were before the rotation: wrapped by the key that is now the older one
        rotation.rewrapAllTo("test-1");
        assertThat(kekIds(ours)).containsOnly("test-1");

        for (Applications.Submitted application : List.of(first, second)) {
            assertThat(Downloads.cv(application.id())).isEqualTo(SampleFiles.pdf());
        }

        assertThat(rotation.rewrapAll()).isGreaterThanOrEqualTo(2);
        assertThat(kekIds(ours)).containsOnly("test-2");
        assertThat(rotation.rewrapAll()).as("nothing left to move").isZero();
        assertThat(auditDetails()).anySatisfy(detail -> assertThat(detail).contains("test-2"));
        String metrics =
                io.restassured.RestAssured.get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("ats_encryption_keys_rewrap_waiting 0.0");

        // the old key removed from the configuration: every object still opens with the current one alone
        List<String> withoutTheOldKey =
                ConfigProvider.getConfig().getValues("ats.encryption.key-encryption-keys", String.class).stream()
                        .filter(entry -> entry.startsWith("test-2:"))
                        .toList();
        assertThat(withoutTheOldKey).hasSize(1);
        for (UUID application : ours) {
            for (String key : Applications.objects(bucket, application)) {
                assertThat(RawObjects.decryptWith(
                                withoutTheOldKey,
                                entityManager,
                                RawObjects.read(bucket, key),
                                RawObjects.documentOf(key)))
                        .isNotNull();
            }
        }
        for (Applications.Submitted application : List.of(first, second)) {
            assertThat(Downloads.cv(application.id())).isEqualTo(SampleFiles.pdf());
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> kekIds(List<UUID> applications) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select kek_id from application_key where application_id in (?1)")
                        .setParameter(1, applications)
                        .getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> auditDetails() {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select detail from audit_event where action = 'DATA_KEYS_REWRAPPED'")
                        .getResultList());
    }
}
