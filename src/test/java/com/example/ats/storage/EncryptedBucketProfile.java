package com.example.ats.storage;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service told to keep its files encrypted at rest (SSE-S3), in a bucket of its own. */
public class EncryptedBucketProfile implements QuarkusTestProfile {

    static final String BUCKET = "ats-test-encrypted";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ats.storage.encryption", "sse-s3", "ats.storage.bucket", BUCKET);
    }
}
