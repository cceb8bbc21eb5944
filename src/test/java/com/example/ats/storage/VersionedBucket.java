package com.example.ats.storage;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.messages.VersioningConfiguration;
import java.util.List;
import java.util.UUID;

/** A bucket of its own with versioning on (or suspended) in the store of this run; removed on close. */
record VersionedBucket(MinioClient minio, String name) implements AutoCloseable {

    static final String ENDPOINT = System.getenv().getOrDefault("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000");
    static final String ACCESS_KEY = System.getenv().getOrDefault("ATS_STORAGE_ACCESS_KEY", "ats-minio");
    static final String SECRET_KEY = System.getenv().getOrDefault("ATS_STORAGE_SECRET_KEY", "ats-minio-secret");

    static VersionedBucket create(VersioningConfiguration.Status status) throws Exception {
        String name = "ats-test-versioned-" + UUID.randomUUID().toString().substring(0, 8);
        MinioClient minio = MinioClient.builder()
                .endpoint(ENDPOINT)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build();
        minio.makeBucket(MakeBucketArgs.builder().bucket(name).build());
        // a bucket is suspended after it was versioned: enabled first either way
        for (VersioningConfiguration.Status step : status == VersioningConfiguration.Status.SUSPENDED
                ? List.of(VersioningConfiguration.Status.ENABLED, status)
                : List.of(status)) {
            minio.setBucketVersioning(SetBucketVersioningArgs.builder()
                    .bucket(name)
                    .config(new VersioningConfiguration(step, null, null, null))
                    .build());
        }
        return new VersionedBucket(minio, name);
    }

    @Override
    public void close() throws Exception {
        minio.removeBucket(RemoveBucketArgs.builder().bucket(name).build());
    }
}
