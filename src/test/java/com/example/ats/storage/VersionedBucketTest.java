package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.messages.VersioningConfiguration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a versioned bucket a delete only hides an applicant's file behind a delete marker: the service refuses to use
 * one rather than keep what it promised to delete. Against the real MinIO.
 */
@Tag(StoreUnderTest.STORAGE)
class VersionedBucketTest {

    @ParameterizedTest
    @EnumSource(
            value = VersioningConfiguration.Status.class,
            names = {"ENABLED", "SUSPENDED"})
    void theServiceRefusesABucketWithVersioningSoDeletesReallyDelete(VersioningConfiguration.Status status)
            throws Exception {
        try (VersionedBucket bucket = VersionedBucket.create(status)) {
            MinioObjectStore store = new MinioObjectStore(config(bucket.name()));

            assertThatThrownBy(store::ensureBucket)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("versioning " + status);
        }
    }

    /** A replica started while the store was down runs the checks from readiness, and stays not ready. */
    @Test
    void readinessStaysDownOnAVersionedBucketFoundAfterTheStart() throws Exception {
        try (VersionedBucket bucket = VersionedBucket.create(VersioningConfiguration.Status.ENABLED)) {
            MinioObjectStore store = new MinioObjectStore(config(bucket.name()));
            ObjectStoreHealthCheck readiness = new ObjectStoreHealthCheck(store);

            HealthCheckResponse first = readiness.call();
            HealthCheckResponse again = readiness.call(); // within 30 s: the refusal repeated, not checked again

            assertThat(first.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(first.getData().orElseThrow().get("reason").toString())
                    .contains("cannot keep")
                    .doesNotContain(bucket.name());
            assertThat(again.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        }
    }

    private static StorageConfig config(String bucket) {
        return new StorageConfig() {
            @Override
            public String endpoint() {
                return VersionedBucket.ENDPOINT;
            }

            @Override
            public String accessKey() {
                return VersionedBucket.ACCESS_KEY;
            }

            @Override
            public String secretKey() {
                return VersionedBucket.SECRET_KEY;
            }

            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public Optional<String> region() {
                return Optional.empty();
            }

            @Override
            public Encryption encryption() {
                return Encryption.NONE;
            }

            @Override
            public long partSize() {
                return 5L * 1024 * 1024;
            }
        };
    }
}
