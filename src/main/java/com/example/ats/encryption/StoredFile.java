package com.example.ats.encryption;

import java.util.UUID;

/** Where a document's bytes are, and whether they are encrypted with its application's key. */
public record StoredFile(UUID applicationId, UUID documentId, String objectKey, boolean encrypted) {}
