package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.shared.Replicas;
import io.minio.messages.VersioningConfiguration;
import java.util.Map;
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
        try (VersionedBucket bucket = VersionedBucket.create(VersioningConfiguration.Status.ENABLED);
                Replicas replicas = new Replicas()) {
            assertThatThrownBy(() -> replicas.start("versioned-bucket", Map.of("ATS_STORAGE_BUCKET", bucket.name())))
                    .hasMessageContaining("exited")
                    .hasMessageContaining("Bucket " + bucket.name() + " has versioning Enabled")
                    .hasMessageContaining("docs/OPERATIONS.md");
        }
    }
}
