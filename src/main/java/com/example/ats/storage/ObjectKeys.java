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

    /** What names the encrypted form of a document stored in clear before encryption (ADR 0030). */
    public static final String ENCRYPTED = ".enc";

    /** The key of the encrypted form the migration job writes of a document stored in clear. */
    public static String encrypted(UUID applicationId, UUID documentId) {
        return of(applicationId, documentId) + ENCRYPTED;
    }

    /** The plaintext object's key of such an encrypted form; the key itself for any other key. */
    public static String plainOf(String key) {
        return key.endsWith(ENCRYPTED) ? key.substring(0, key.length() - ENCRYPTED.length()) : key;
    }
}
