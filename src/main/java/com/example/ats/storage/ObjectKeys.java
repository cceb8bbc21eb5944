package com.example.ats.storage;

import java.util.UUID;

/** How objects are named: {@code applications/{applicationId}/{documentId}}, never after a file's name. */
public final class ObjectKeys {

    /** Every application's objects live under this prefix. */
    public static final String APPLICATIONS = "applications/";

    private ObjectKeys() {}

    /** The prefix of one application's objects. */
    public static String of(UUID applicationId) {
        return APPLICATIONS + applicationId + "/";
    }

    /** The key of one document. */
    public static String of(UUID applicationId, UUID documentId) {
        return of(applicationId) + documentId;
    }
}
