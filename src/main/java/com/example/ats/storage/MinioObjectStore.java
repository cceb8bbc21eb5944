package com.example.ats.storage;

import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.Checksum;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectAPIArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.SetBucketEncryptionArgs;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import io.minio.messages.SseConfiguration;
import io.minio.messages.VersioningConfiguration;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.eclipse.microprofile.faulttolerance.Retry;

/** {@link ObjectStore} on the MinIO Java SDK: the only class that knows about io.minio. */
@ApplicationScoped
public class MinioObjectStore implements StoreProbe {

    private static final Duration READINESS_CHECK_EVERY = Duration.ofSeconds(30);

    /** What stores answer to a body that does not match its x-amz-checksum-crc32 (MinIO; SeaweedFS and AWS). */
    private static final Set<String> CHECKSUM_REFUSALS =
            Set.of("XAmzContentChecksumMismatch", "BadDigest", "InvalidDigest");

    /** S3 accepts at most 1000 keys per multi-object delete. */
    private static final int DELETE_BATCH = 1000;

    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final MinioClient client;
    /** The same connection, for the one call the blocking client has no form of: an upload with headers of ours. */
    private final StoreClient asyncClient;

    private final String bucket;
    private final long partSize;
    private final StorageConfig.Encryption encryption;
    /** Whether {@link StorePromises} passed; until then readiness runs it, at most one at a time and every 30 s. */
    private volatile boolean promisesChecked;

    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long nextCheckNanos = System.nanoTime();
    /** Why the last check refused the store, repeated to readiness until the next check. */
    private volatile IllegalStateException lastRefusal;

    MinioObjectStore(StorageConfig config) {
        OkHttpClient http = httpClient(config.endpoint());
        MinioClient.Builder builder = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .httpClient(http);
        config.region().ifPresent(builder::region);
        this.client = builder.build();
        MinioAsyncClient.Builder asyncBuilder = MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .httpClient(http);
        config.region().ifPresent(asyncBuilder::region);
        this.asyncClient = new StoreClient(asyncBuilder.build());
        this.bucket = config.bucket();
        this.partSize = config.partSize();
        this.encryption = config.encryption();
    }

    /**
     * One HTTP client for both SDK clients, as the SDK's default one (timeouts, HTTP/1.1, its retries). The SDK's
     * default also trusts every certificate named by SSL_CERT_FILE and SSL_CERT_DIR, reading them all (hundreds on a
     * Debian host), which was the largest single cost of the service's start: done only when TLS is used.
     */
    static OkHttpClient httpClient(String endpoint) {
        long timeout = Http.DEFAULT_TIMEOUT;
        OkHttpClient plain = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .protocols(List.of(Protocol.HTTP_1_1))
                .addInterceptor(new Http.StatusRetryInterceptor())
                .build();
        if (endpoint.regionMatches(true, 0, "http:", 0, "http:".length())) {
            return plain; // the SDK takes an endpoint without a scheme as https
        }
        try {
            return Http.enableExternalCertificatesFromEnv(plain);
        } catch (MinioException e) {
            throw new IllegalStateException(
                    "The certificates named by SSL_CERT_FILE or SSL_CERT_DIR cannot be read", e);
        }
    }

    /**
     * Refuses to start on a store that cannot keep the promises: an {@link IllegalStateException} here stops the
     * start with its message.
     */
    @Startup
    void ensureBucketAtStart() {
        try {
            ensureBucket();
            checkPromises();
        } catch (ObjectStoreUnavailableException e) {
            // Start anyway: readiness stays DOWN until the store answers, and the next use retries.
            Log.warnf(
                    "Object store not reachable at start (%s); readiness will report it",
                    e.getCause().getMessage());
        }
    }

    @Override
    public void put(String key, InputStream content, long size, String mediaType) {
        try {
            client.putObject(
                    PutObjectArgs.builder().bucket(bucket).object(key).stream(content, size < 0 ? null : size, partSize)
                            .contentType(mediaType)
                            .build());
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ObjectStoreUnavailableException.class)
    public void putFile(String key, Path file, String mediaType, Map<String, String> metadata) {
        try {
            long size = Files.size(file);
            // One part as large as the file: a single PUT. The SDK reads the file for the request's signed payload
            // SHA-256 (x-amz-content-sha256) and a CRC32 checksum (x-amz-checksum-crc32), and the store refuses a
            // body matching neither. CRC32, not the SDK's default CRC32C: the SDK computes CRC32C byte by byte (the
            // intake's hottest method, docs/BENCHMARKS.md) but CRC32 with the JDK's intrinsic.
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .checksum(Checksum.Algorithm.CRC32)
                    .filename(file.toString(), Math.max(MIN_PART_SIZE, size))
                    .contentType(mediaType)
                    .userMetadata(metadata)
                    .build());
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    @Override
    public Upload upload(String key, Path file, String mediaType, Map<String, String> metadata) {
        return new PartedUpload(
                asyncClient,
                bucket,
                Math.max(MIN_PART_SIZE, partSize),
                key,
                file,
                mediaType,
                metadata,
                () -> putFile(key, file, mediaType, metadata));
    }

    /** How many multipart uploads under this prefix are started and neither completed nor aborted. */
    public int incompleteUploads(String prefix) {
        return openUploads(prefix).size();
    }

    @Override
    public int abortIncompleteUploads(String prefix, Instant startedBefore) {
        int aborted = 0;
        for (StoreClient.OpenUpload upload : openUploads(prefix)) {
            // an upload without a start time (a store that does not say) is left to the store's own rule: it may
            // still be going on
            if (upload.initiated() != null && upload.initiated().isBefore(startedBefore)) {
                try {
                    asyncClient
                            .abortMultipartUpload(AbortMultipartUploadArgs.builder()
                                    .bucket(bucket)
                                    .object(upload.key())
                                    .uploadId(upload.uploadId())
                                    .build())
                            .get();
                    aborted++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ObjectStoreUnavailableException(e);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ErrorResponseException gone
                            && "NoSuchUpload".equals(gone.errorResponse().code()))) {
                        throw new ObjectStoreUnavailableException(e);
                    } // completed or aborted meanwhile
                }
            }
        }
        return aborted;
    }

    private List<StoreClient.OpenUpload> openUploads(String prefix) {
        List<StoreClient.OpenUpload> open = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        try {
            for (int pages = 0; pages < 1_000; pages++) { // a store that never ends its listing does not hang us
                StoreClient.Page page = asyncClient
                        .openUploads(bucket, prefix, keyMarker, uploadIdMarker)
                        .get();
                open.addAll(page.uploads());
                String nextKey = page.nextKeyMarker();
                String nextUpload = page.nextUploadIdMarker();
                if (!page.truncated()
                        || nextKey == null
                        || nextKey.isBlank()
                        || (nextKey.equals(keyMarker) && java.util.Objects.equals(nextUpload, uploadIdMarker))) {
                    return open;
                }
                keyMarker = nextKey;
                uploadIdMarker = nextUpload;
            }
            return open;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreUnavailableException(e);
        } catch (ExecutionException e) {
            throw new ObjectStoreUnavailableException(e.getCause());
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw new ObjectStoreUnavailableException(e);
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    /**
     * A delete on a versioned bucket only hides the object behind a delete marker: every earlier version, the
     * applicant's file, stays. The service refuses such a bucket rather than keep data it promised to delete
     * (docs/adr/0010). A suspended bucket keeps the versions written while it was on: refused too.
     */
    private void refuseVersioning() {
        VersioningConfiguration.Status status;
        try {
            status = client.getBucketVersioning(
                            GetBucketVersioningArgs.builder().bucket(bucket).build())
                    .status();
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
        if (status == VersioningConfiguration.Status.ENABLED || status == VersioningConfiguration.Status.SUSPENDED) {
            throw new IllegalStateException("Bucket " + bucket + " has versioning " + status
                    + ": deleting would leave every earlier version of an applicant's files behind. Use a bucket"
                    + " without versioning (docs/OPERATIONS.md)");
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, retryOn = ObjectStoreUnavailableException.class)
    public int delete(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        Set<String> refused = new LinkedHashSet<>();
        Set<String> codes = new TreeSet<>();
        try {
            for (int from = 0; from < all.size(); from += DELETE_BATCH) {
                List<DeleteRequest.Object> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH)).stream()
                        .map(DeleteRequest.Object::new)
                        .toList();
                // The SDK deletes lazily: the request is sent while the results are read.
                for (Result<DeleteResult.Error> result : client.removeObjects(RemoveObjectsArgs.builder()
                        .bucket(bucket)
                        .objects(batch)
                        .build())) {
                    DeleteResult.Error error = result.get();
                    if (!"NoSuchKey".equals(error.code())) {
                        refused.add(error.objectName());
                        codes.add(error.code());
                    }
                }
            }
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
        if (!refused.isEmpty()) {
            throw new ObjectsNotDeletedException(refused, String.join(",", codes));
        }
        return all.size();
    }

    @Override
    public Stream<String> keysOlderThan(String prefix, Instant olderThan) {
        Iterable<Result<Item>> listing = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(prefix)
                .recursive(true)
                .build());
        return StreamSupport.stream(listing.spliterator(), false)
                .map(MinioObjectStore::item)
                .filter(item -> !item.isDir() && item.lastModified().toInstant().isBefore(olderThan))
                .map(Item::objectName);
    }

    private static Item item(Result<Item> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    @Override
    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                Log.infof("Created bucket %s", bucket);
            }
        } catch (ErrorResponseException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw new ObjectStoreUnavailableException(e);
            }
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
        refuseVersioning();
        if (encryption == StorageConfig.Encryption.SSE_S3) {
            encryptAtRest();
        }
    }

    /**
     * Sets the bucket's default encryption to SSE-S3, so the store encrypts every object it writes with a key from
     * its KMS. A store that refuses (no KMS configured) stops the start: the setting promises encryption at rest.
     */
    private void encryptAtRest() {
        try {
            client.setBucketEncryption(SetBucketEncryptionArgs.builder()
                    .bucket(bucket)
                    .config(SseConfiguration.newConfigWithSseS3Rule())
                    .build());
        } catch (ErrorResponseException e) {
            throw new IllegalStateException("The object store refused to encrypt bucket " + bucket
                    + " at rest (SSE-S3: " + e.errorResponse().code()
                    + "). Configure its KMS (docs/OPERATIONS.md) or set ATS_STORAGE_ENCRYPTION=none.");
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    private void checkPromises() {
        try {
            StorePromises.verify(this, encryption == StorageConfig.Encryption.SSE_S3);
        } catch (ObjectStoreUnavailableException e) {
            // An S3 error answer to the probe is a refusal (e.g. a policy allowing applications/ only), not an outage;
            // a server error (5xx but 501) may pass, so it stays an outage and is tried again.
            if (e.getCause() instanceof ErrorResponseException answer && refusal(answer)) {
                throw new IllegalStateException("The object store answered "
                        + answer.errorResponse().code()
                        + " to the start-up check's probe under " + StorePromises.PREFIX + ": the service needs to"
                        + " put, read, list (with versions) and delete objects there as under "
                        + ObjectKeys.APPLICATIONS + " (docs/OPERATIONS.md, S3 servers)");
            }
            throw e;
        }
        promisesChecked = true;
        lastRefusal = null;
    }

    private static boolean refusal(ErrorResponseException answer) {
        int status = answer.response().code();
        return (status >= 400 && status < 500) || status == 501;
    }

    /**
     * Also runs the start-up checks when the store could not be reached at start (creating the bucket if it is
     * missing): one check at a time, at most every 30 s, so probes arriving meanwhile do not write to the store.
     */
    @Override
    public void ping() {
        if (!promisesChecked) {
            checkFromReadiness();
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                throw new IllegalStateException("bucket " + bucket + " does not exist");
            }
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    private void checkFromReadiness() {
        if (System.nanoTime() - nextCheckNanos < 0 || !checking.compareAndSet(false, true)) {
            IllegalStateException refused = lastRefusal;
            if (refused != null) {
                throw refused;
            }
            throw new ObjectStoreUnavailableException(
                    new IllegalStateException("the store checks have not passed yet"));
        }
        try {
            nextCheckNanos = System.nanoTime() + READINESS_CHECK_EVERY.toNanos();
            ensureBucket();
            checkPromises();
        } catch (IllegalStateException e) {
            lastRefusal = e;
            Log.errorf("The object store cannot be used: %s", e.getMessage());
            throw e;
        } finally {
            checking.set(false);
        }
    }

    @Override
    public boolean keepsUploadWithWrongChecksum(String key, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] wrong =
                ByteBuffer.allocate(Integer.BYTES).putInt((int) ~crc.getValue()).array();
        Http.Headers headers = new Http.Headers();
        headers.put("x-amz-checksum-crc32", Base64.getEncoder().encodeToString(wrong));
        try {
            asyncClient
                    .putObject(PutObjectAPIArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .data(content, content.length)
                            .headers(headers)
                            .build())
                    .get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException answer
                    && CHECKSUM_REFUSALS.contains(answer.errorResponse().code())) {
                return false;
            }
            // another refusal (AccessDenied, NotImplemented …) is told apart from an outage in checkPromises
            throw new ObjectStoreUnavailableException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreUnavailableException(e);
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    @Override
    public boolean keepsVersionsOf(String key) {
        Iterable<Result<Item>> versions = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(key)
                .includeVersions(true)
                .recursive(true)
                .build());
        return StreamSupport.stream(versions.spliterator(), false)
                .map(MinioObjectStore::item)
                .anyMatch(item -> item.objectName().equals(key));
    }

    @Override
    public boolean storedEncrypted(String key) {
        try {
            String algorithm = client.statObject(
                            StatObjectArgs.builder().bucket(bucket).object(key).build())
                    .headers()
                    .get("x-amz-server-side-encryption");
            return algorithm != null && !algorithm.isBlank();
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }
}
