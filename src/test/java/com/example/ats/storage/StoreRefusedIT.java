package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.shared.Replicas;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.messages.VersioningConfiguration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, started on a bucket that cannot keep its promises, stops with a message saying why instead
 * of taking in applications it could not delete on time.
 */
@Tag(StoreUnderTest.STORAGE)
class StoreRefusedIT {

    @Test
    void theServiceRefusesToStartOnAVersionedBucketAndSaysWhy() throws Exception {
        String bucket = "ats-test-versioned-" + UUID.randomUUID().toString().substring(0, 8);
        MinioClient minio = MinioClient.builder()
                .endpoint(Replicas.env("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000"))
                .credentials(
                        Replicas.env("ATS_STORAGE_ACCESS_KEY", "ats-minio"),
                        Replicas.env("ATS_STORAGE_SECRET_KEY", "ats-minio-secret"))
                .build();
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        try (Replicas replicas = new Replicas()) {
            minio.setBucketVersioning(SetBucketVersioningArgs.builder()
                    .bucket(bucket)
                    .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null, null, null))
                    .build());

            assertThatThrownBy(() -> replicas.start("versioned-bucket", Map.of("ATS_STORAGE_BUCKET", bucket)))
                    .hasMessageContaining("exited")
                    .hasMessageContaining("Bucket " + bucket + " has versioning Enabled")
                    .hasMessageContaining("docs/OPERATIONS.md");
        } finally {
            minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
        }
    }
}
