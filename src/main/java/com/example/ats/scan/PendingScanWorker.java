package com.example.ats.scan;

import com.example.ats.document.ScanState;
import com.example.ats.storage.ObjectStore;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scans the documents stored {@code PENDING} (the scanner was down or slow at intake, or they predate scanning)
 * from the object store once the scanner answers again. A document is claimed in a short transaction (its attempt
 * time set, {@code FOR UPDATE SKIP LOCKED}: replicas share the work, and a claim lasts the worker timeout), scanned
 * with no transaction or lock held, and its verdict written only if it is still there and still pending (an erasure
 * meanwhile wins). A document whose bytes cannot be read is tried again in a later round, after the others.
 */
@ApplicationScoped
public class PendingScanWorker {

    private final EntityManager entityManager;
    private final ObjectStore store;
    private final MalwareScanner scanner;
    private final ScanConfig config;
    private final Clock clock;

    PendingScanWorker(
            EntityManager entityManager, ObjectStore store, MalwareScanner scanner, ScanConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.store = store;
        this.scanner = scanner;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "pending-scans",
            every = "${ats.scan.pending-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            scanPending();
        } catch (RuntimeException e) {
            Log.warnf(
                    "Scanning pending documents failed, retried on the next tick: %s",
                    e.getClass().getSimpleName());
        }
    }

    /** What a round did: documents given a verdict, and whether it stopped early because the scanner failed. */
    public record Round(int scanned, boolean scannerFailed) {}

    private record Claim(UUID id, UUID applicationId, String objectKey) {}

    /** Scans every pending document once, oldest attempt first; stops at the first failure of the scanner. */
    public Round scanPending() {
        if (!scanner.reachable()) {
            return new Round(0, true);
        }
        int scanned = 0;
        while (true) {
            Optional<Claim> claim = QuarkusTransaction.requiringNew().call(this::claimNext);
            if (claim.isEmpty()) {
                return new Round(scanned, false);
            }
            MalwareScanner.Result result;
            try (InputStream content = store.get(claim.get().objectKey())) {
                result = scanner.scanStored(content);
            } catch (ScannerUnavailableException e) {
                Log.warnf("Scanning pending documents paused: %s", e.getMessage());
                return new Round(scanned, true);
            } catch (IOException | RuntimeException e) {
                Log.warnf(
                        "Pending document %s could not be read for scanning (%s); tried again later",
                        claim.get().id(), e.getClass().getSimpleName());
                continue;
            }
            if (QuarkusTransaction.requiringNew().call(() -> record(claim.get(), result))) {
                scanned++;
            }
        }
    }

    /** The pending document tried longest ago (never tried first), its attempt time set; none when all are claimed. */
    private Optional<Claim> claimNext() {
        Instant now = clock.instant();
        Instant claimEnds = now.minus(config.workerTimeout()).minusSeconds(30);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("update document set scan_tried_at = :now where id = ("
                        + " select id from document where scan_state = 'PENDING'"
                        + " and (scan_tried_at is null or scan_tried_at < :claimEnds)"
                        + " order by scan_tried_at nulls first, created_at limit 1 for update skip locked)"
                        + " returning id, application_id, object_key")
                .setParameter("now", now)
                .setParameter("claimEnds", claimEnds)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Claim((UUID) row[0], (UUID) row[1], (String) row[2]));
    }

    /** Writes the verdict if the document is still there and pending; whether it was. */
    private boolean record(Claim claim, MalwareScanner.Result result) {
        int updated = entityManager
                .createNativeQuery("update document set scan_state = :state, scan_signature = :signature,"
                        + " scan_database = :database, scanned_at = :scannedAt"
                        + " where id = :id and scan_state = 'PENDING'")
                .setParameter("state", result.state().name())
                .setParameter("signature", result.signature())
                .setParameter("database", result.database())
                .setParameter("scannedAt", result.scannedAt())
                .setParameter("id", claim.id())
                .executeUpdate();
        if (updated == 1 && result.state() == ScanState.INFECTED) {
            Log.warnf(
                    "Stored document %s of application %s is infected (%s); staff cannot open it",
                    claim.id(), claim.applicationId(), result.signature());
        }
        return updated == 1;
    }
}
