package com.example.ats.scan;

import com.example.ats.encryption.StoredFile;
import com.example.ats.shared.SqlValues;
import com.example.ats.work.WorkTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The documents' scan state: what waits for a scan, the verdicts written, and the counts operations watch. */
@ApplicationScoped
public class ScanRepository {

    /** Pending documents as the work queue sees them: those never retried first, then the oldest. */
    static final WorkTable PENDING = new WorkTable(
            "document",
            "w.scan_state = 'PENDING'",
            "w.scan_retry_at nulls first, w.created_at",
            "scan_leased_until",
            "scan_attempts",
            "scan_retry_at");

    private final EntityManager entityManager;

    ScanRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Where a stored document's bytes are. */
    StoredFile stored(UUID id) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select application_id, object_key, encrypted from document where id = :id")
                .setParameter("id", id)
                .getSingleResult();
        return new StoredFile((UUID) row[0], id, (String) row[1], (Boolean) row[2]);
    }

    /** Writes the verdict if the document is still there and still pending; whether it was. */
    boolean recordVerdict(UUID id, MalwareScanner.Result result) {
        return entityManager
                        .createNativeQuery("update document set scan_state = :state, scan_signature = :signature,"
                                + " scan_database = :database, scanned_at = :scannedAt"
                                + " where id = :id and scan_state = 'PENDING'")
                        .setParameter("state", result.state().name())
                        .setParameter("signature", result.signature())
                        .setParameter("database", result.database())
                        .setParameter("scannedAt", result.scannedAt())
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    long countPending() {
        return count("select count(*) from document where scan_state = 'PENDING'");
    }

    long countInfected() {
        return count("select count(*) from document where scan_state = 'INFECTED'");
    }

    /** When the oldest document still waiting for its scan was stored. */
    Optional<Instant> oldestPending() {
        Object oldest = entityManager
                .createNativeQuery("select min(created_at) from document where scan_state = 'PENDING'")
                .getSingleResult();
        return Optional.ofNullable(oldest).map(SqlValues::instant);
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
