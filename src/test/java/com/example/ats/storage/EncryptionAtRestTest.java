package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import io.minio.GetBucketEncryptionArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With {@code ats.storage.encryption=sse-s3} the service sets its bucket's default encryption at start, and the real
 * MinIO (with the single-key KMS bin/stack gives it) stores every uploaded file encrypted.
 */
@QuarkusTest
@TestProfile(StoreRulesProfile.class)
@Tag(StoreUnderTest.STORAGE)
class EncryptionAtRestTest {

    @Test
    void uploadedFilesAreStoredEncryptedByTheServer() throws Exception {
        List<String> keys = Intake.request(Intake.form())
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getList("documents.id");
        assertThat(keys).hasSize(1);

        MinioClient minio = client();
        assertThat(minio.getBucketEncryption(GetBucketEncryptionArgs.builder()
                                .bucket(StoreRulesProfile.BUCKET)
                                .build())
                        .rule()
                        .sseAlgorithm()
                        .toString())
                .isEqualTo("AES256");
        String applicationKeyPrefix = ObjectKeys.APPLICATIONS;
        String key = minio.listObjects(io.minio.ListObjectsArgs.builder()
                        .bucket(StoreRulesProfile.BUCKET)
                        .prefix(applicationKeyPrefix)
                        .recursive(true)
                        .build())
                .iterator()
                .next()
                .get()
                .objectName();
        StatObjectResponse stat = minio.statObject(StatObjectArgs.builder()
                .bucket(StoreRulesProfile.BUCKET)
                .object(key)
                .build());
        assertThat(stat.headers().get("x-amz-server-side-encryption")).isEqualTo("AES256");
    }

    private static MinioClient client() {
        var config = ConfigProvider.getConfig();
        return MinioClient.builder()
                .endpoint(config.getValue("ats.storage.endpoint", String.class))
                .credentials(
                        config.getValue("ats.storage.access-key", String.class),
                        config.getValue("ats.storage.secret-key", String.class))
                .build();
    }
}
