package com.example.ats.storage;

import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.Http;
import io.minio.MinioAsyncClient;
import io.minio.UploadPartArgs;
import io.minio.messages.Part;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An S3 multipart upload fed from a local file that is still growing (ADR 0019): a part is sent, asynchronously and
 * read from the file, once a byte beyond it arrived, so the last part is never empty and every other one is full. A
 * file that never fills a part is sent in one request by {@code single} when it is finished. Each part's payload
 * SHA-256 is signed and checked by the store.
 */
final class PartedUpload implements ObjectStore.Upload {

    private final MinioAsyncClient client;
    private final String bucket;
    private final long partSize;
    private final String key;
    private final Path file;
    private final String mediaType;
    private final Map<String, String> metadata;
    private final Runnable single;
    private final List<CompletableFuture<Part>> parts = new ArrayList<>();
    private String uploadId;
    private long sent;

    PartedUpload(
            MinioAsyncClient client,
            String bucket,
            long partSize,
            String key,
            Path file,
            String mediaType,
            Map<String, String> metadata,
            Runnable single) {
        this.client = client;
        this.bucket = bucket;
        this.partSize = partSize;
        this.key = key;
        this.file = file;
        this.mediaType = mediaType;
        this.metadata = metadata;
        this.single = single;
    }

    @Override
    public void arrived(long bytes) {
        while (bytes > sent + partSize) {
            if (uploadId == null) {
                uploadId = await(client.createMultipartUpload(CreateMultipartUploadArgs.builder()
                                .bucket(bucket)
                                .object(key)
                                .headers(headers())
                                .build()))
                        .result()
                        .uploadId();
            }
            parts.add(send(parts.size() + 1, sent, partSize));
            sent += partSize;
        }
    }

    @Override
    public void finish(long size) {
        if (uploadId == null) {
            single.run();
            return;
        }
        parts.add(send(parts.size() + 1, sent, size - sent));
        Part[] done = parts.stream().map(PartedUpload::await).toArray(Part[]::new);
        await(client.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                .bucket(bucket)
                .object(key)
                .uploadId(uploadId)
                .parts(done)
                .build()));
    }

    @Override
    public void abort() {
        if (uploadId == null) {
            return;
        }
        for (CompletableFuture<Part> part : parts) {
            try {
                part.join(); // a part still in flight would otherwise land after the abort
            } catch (RuntimeException e) {
                // it failed: nothing of it to discard
            }
        }
        try {
            await(client.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .uploadId(uploadId)
                    .build()));
        } catch (RuntimeException e) {
            // the store drops incomplete uploads itself after a while (MinIO: 24 hours by default)
            Log.warnf("Could not abort an incomplete upload: %s", e.getMessage());
        }
    }

    private CompletableFuture<Part> send(int number, long offset, long length) {
        RandomAccessFile in;
        Http.Headers headers = new Http.Headers();
        try {
            in = new RandomAccessFile(file.toFile(), "r");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a received file", e);
        }
        try {
            // the signed payload hash, given so the SDK does not hash the part itself: it would leave the file
            // positioned after the part and then send from there (SDK 9.0.4)
            headers.put("X-Amz-Content-Sha256", sha256(in, offset, length));
            in.seek(offset);
        } catch (IOException e) {
            close(in);
            throw new IllegalStateException("cannot read a received file", e);
        }
        try {
            return client.uploadPart(UploadPartArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .headers(headers)
                            .file(in, length)
                            .build())
                    .thenApply(answer -> new Part(number, answer.part().etag()))
                    .whenComplete((part, failure) -> close(in));
        } catch (Exception e) {
            close(in);
            throw new ObjectStoreUnavailableException(e);
        }
    }

    private static String sha256(RandomAccessFile in, long offset, long length) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        in.seek(offset);
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the received file is shorter than its parts");
            }
            digest.update(buffer, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Http.Headers headers() {
        Http.Headers headers = new Http.Headers();
        headers.put("Content-Type", mediaType);
        metadata.forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        return headers;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new ObjectStoreUnavailableException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreUnavailableException(e);
        }
    }

    private static void close(RandomAccessFile in) {
        try {
            in.close();
        } catch (IOException e) {
            // read-only: nothing lost
        }
    }
}
