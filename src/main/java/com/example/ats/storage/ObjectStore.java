package com.example.ats.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where file bytes live. The one port to object storage: features depend on this, never on an SDK. Every method
 * throws {@link ObjectStoreUnavailableException} when the store cannot be reached.
 */
public interface ObjectStore {

    /** Streams {@code size} bytes (or an unknown length, -1) into a new object; never buffers the whole file. */
    void put(String key, InputStream content, long size, String mediaType);

    /**
     * Uploads a file in a single request whose payload SHA-256 and CRC32 the store checks before it keeps the
     * object: a damaged upload is refused, not stored. Streams from the file; never holds it in memory.
     *
     * @param metadata user metadata (ASCII, no personal data)
     */
    void putFile(String key, Path file, String mediaType, Map<String, String> metadata);

    /**
     * Starts an object whose bytes are still arriving in a local file (ADR 0019). Each full part (ats.storage.part-size)
     * is sent, from the file, while the next one arrives; nothing is held in memory. A file that never fills a part
     * goes up in one request when it is finished, as {@link #putFile} sends it.
     *
     * @param metadata user metadata (ASCII, no personal data)
     */
    default Upload upload(String key, Path file, String mediaType, Map<String, String> metadata) {
        return new Upload() {
            @Override
            public void arrived(long bytes) {}

            @Override
            public void finish(long size) {
                putFile(key, file, mediaType, metadata);
            }

            @Override
            public void abort() {}
        };
    }

    /** An object being written from a local file that is still growing. */
    interface Upload {

        /** The file holds this many bytes now: full parts among them may be sent. */
        void arrived(long bytes);

        /** The file is complete: sends the rest and makes the object, or throws and keeps nothing. */
        void finish(long size);

        /** Keeps nothing: parts already sent are discarded. Never throws. */
        void abort();
    }

    /** Opens an object for reading; the caller closes the stream. */
    InputStream get(String key);

    /** Whether the object exists. */
    boolean exists(String key);

    /** Deletes objects in batches; a key that is already gone is not an error. Returns how many keys were handled. */
    int delete(Collection<String> keys);

    /**
     * Keys under a prefix whose objects were last modified before {@code olderThan}, listed lazily page by page; close
     * the stream when done.
     */
    Stream<String> keysOlderThan(String prefix, Instant olderThan);

    /** Every key under a prefix, listed lazily; close the stream when done. */
    default Stream<String> keys(String prefix) {
        return keysOlderThan(prefix, Instant.MAX);
    }

    /** Creates the bucket when missing. */
    void ensureBucket();

    /**
     * Aborts the multipart uploads under the prefix that were started before the given time and never completed
     * (a replica that died mid-file leaves one; the store keeps its parts until then); returns how many.
     */
    int abortIncompleteUploads(String prefix, Instant startedBefore);

    /** Fails when the bucket cannot be reached; for the readiness check. */
    void ping();
}
