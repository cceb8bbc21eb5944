package com.example.ats.storage;

/**
 * Which S3 server the tests run against: MinIO, or SeaweedFS when {@code ATS_STACK_STORE=seaweedfs} (bin/stack
 * points {@code ATS_STORAGE_ENDPOINT} at it). bin/test runs the tests tagged {@link #STORAGE} on both.
 */
public final class StoreUnderTest {

    /** The tag of the tests that touch the object store: bin/test runs them again on the second server. */
    public static final String STORAGE = "storage";

    /** The value of ATS_STACK_STORE that selects SeaweedFS. */
    public static final String SEAWEEDFS = "seaweedfs";

    private StoreUnderTest() {}

    /** Whether this run's store is SeaweedFS. */
    public static boolean seaweedfs() {
        return SEAWEEDFS.equals(System.getenv("ATS_STACK_STORE"));
    }
}
