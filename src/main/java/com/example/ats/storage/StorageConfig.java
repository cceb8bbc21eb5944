package com.example.ats.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Connection to the object store (MinIO or any S3-compatible store). */
@ConfigMapping(prefix = "ats.storage")
public interface StorageConfig {

    /** Base URL of the S3 endpoint, e.g. https://minio.internal:9000. */
    String endpoint();

    /** Access key; from the environment only. */
    String accessKey();

    /** Secret key; from the environment only. */
    String secretKey();

    /** Bucket holding the application files; created at start when missing. */
    @WithDefault("ats")
    String bucket();

    /** Region, for stores that need one. */
    Optional<String> region();

    /** Encryption at rest the bucket is set to at start: none, or sse-s3 (the store's KMS holds the key). */
    @WithDefault("none")
    Encryption encryption();

    /** Server-side encryption of the bucket's objects. */
    enum Encryption {
        NONE,
        SSE_S3
    }

    /** Part size of multipart uploads in bytes (min 5 MiB): the most memory one upload holds at a time. */
    @WithDefault("5242880")
    long partSize();
}
