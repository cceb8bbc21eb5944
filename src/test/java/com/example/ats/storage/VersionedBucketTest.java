package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.messages.VersioningConfiguration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On a versioned bucket a delete only hides an applicant's file behind a delete marker: the service refuses to use
 * one rather than keep what it promised to delete. Against the real MinIO.
 */
@Tag(StoreUnderTest.STORAGE)
class VersionedBucketTest {

    private static final String ENDPOINT =
            System.getenv().getOrDefault("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000");
    private static final String ACCESS_KEY = System.getenv().getOrDefault("ATS_STORAGE_ACCESS_KEY", "ats-minio");
    private static final String SECRET_KEY = System.getenv().getOrDefault("ATS_STORAGE_SECRET_KEY", "ats-minio-secret");

    @Test
    void theServiceRefusesABucketWithVersioningSoDeletesReallyDelete() throws Exception {
        String bucket = "ats-test-versioned-" + UUID.randomUUID().toString().substring(0, 8);
        MinioClient minio = MinioClient.builder()
                .endpoint(ENDPOINT)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build();
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        try {
            minio.setBucketVersioning(SetBucketVersioningArgs.builder()
                    .bucket(bucket)
                    .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null, null, null))
                    .build());

            MinioObjectStore store = new MinioObjectStore(config(bucket));

            assertThatThrownBy(store::ensureBucket)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("versioning");
        } finally {
            minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
        }
    }

    private static StorageConfig config(String bucket) {
        return new StorageConfig() {
            @Override
            public String endpoint() {
                return ENDPOINT;
            }

            @Override
            public String accessKey() {
                return ACCESS_KEY;
            }

            @Override
            public String secretKey() {
                return SECRET_KEY;
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
