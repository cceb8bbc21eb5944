package com.example.ats.storage;

/** What the start-up check asks of the store beyond the port: how it answers a bad upload and how it stores one. */
interface StoreProbe extends ObjectStore {

    /**
     * Sends {@code content} with an {@code x-amz-checksum-crc32} that does not match it. Returns whether the store
     * kept it: a store that checks what it is sent refuses the request with a checksum error. Any other answer
     * throws {@link ObjectStoreUnavailableException}.
     */
    boolean keepsUploadWithWrongChecksum(String key, byte[] content);

    /** Whether any version of the object, or a delete marker, is still listed (ListObjectVersions). */
    boolean keepsVersionsOf(String key);

    /** Whether the store reports the object encrypted at rest (x-amz-server-side-encryption). */
    boolean storedEncrypted(String key);
}
