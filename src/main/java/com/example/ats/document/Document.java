package com.example.ats.document;

import com.example.ats.encryption.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file of an application: its metadata here, its bytes in the object store under a generated key. */
@Entity
@Table(name = "document")
public class Document {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;

    /** The original name, sanitised; metadata only, never part of the object key. */
    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** Detected from the bytes, not taken from the client. */
    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    /** Whether the object holds ciphertext under the application's data key (ADR 0030). */
    @Column(nullable = false)
    public boolean encrypted;

    /** Where its bytes are, for reading them ({@code StoredFiles}). */
    public StoredFile stored() {
        return new StoredFile(applicationId, id, objectKey, encrypted);
    }

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "scan_state", nullable = false)
    public ScanState scanState = ScanState.PENDING;

    /** The signature's name when {@link ScanState#INFECTED}. */
    @Column(name = "scan_signature")
    public String scanSignature;

    /** The scanner's engine and signature database version of the verdict. */
    @Column(name = "scan_database")
    public String scanDatabase;

    @Column(name = "scanned_at")
    public Instant scannedAt;
}
