package com.example.ats.scan;

import com.example.ats.document.Document;
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
import java.util.UUID;

/**
 * Scans the documents stored {@code PENDING} (the scanner was down or slow at intake, or they predate scanning)
 * from the object store once the scanner answers again. Each document is locked with {@code FOR UPDATE SKIP
 * LOCKED} while it is scanned, so replicas share the work, and an erasure waits for the scan to end. A document
 * whose bytes cannot be read is tried again in a later round, after the others.
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

    /** Scans every pending document once, oldest attempt first; stops at the first failure of the scanner. */
    public Round scanPending() {
        if (!scanner.reachable()) {
            return new Round(0, true);
        }
        Instant round = clock.instant();
        int scanned = 0;
        int timeoutSeconds = (int) config.workerTimeout().plusSeconds(30).toSeconds();
        while (true) {
            Step step =
                    QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> scanNext(round));
            switch (step) {
                case NONE_LEFT -> {
                    return new Round(scanned, false);
                }
                case SCANNER_FAILED -> {
                    return new Round(scanned, true);
                }
                case SCANNED -> scanned++;
                case UNREADABLE -> {
                    // tried again next round
                }
            }
        }
    }

    private enum Step {
        SCANNED,
        UNREADABLE,
        SCANNER_FAILED,
        NONE_LEFT
    }

    private Step scanNext(Instant round) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery(
                        "select id from document where scan_state = 'PENDING'"
                                + " and (scan_tried_at is null or scan_tried_at < :round)"
                                + " order by scan_tried_at nulls first, created_at limit 1 for update skip locked",
                        UUID.class)
                .setParameter("round", round)
                .getResultList();
        if (ids.isEmpty()) {
            return Step.NONE_LEFT;
        }
        Document document = entityManager.find(Document.class, ids.getFirst());
        document.scanTriedAt = clock.instant();
        MalwareScanner.Result result;
        try (InputStream content = store.get(document.objectKey)) {
            result = scanner.scanStored(content);
        } catch (ScannerUnavailableException e) {
            Log.warnf("Scanning pending documents paused: %s", e.getMessage());
            return Step.SCANNER_FAILED;
        } catch (IOException | RuntimeException e) {
            Log.warnf(
                    "Pending document %s could not be read for scanning (%s); tried again later",
                    document.id, e.getClass().getSimpleName());
            return Step.UNREADABLE;
        }
        document.scanState = result.state();
        document.scanSignature = result.signature();
        document.scanDatabase = result.database();
        document.scannedAt = result.scannedAt();
        if (result.state() == ScanState.INFECTED) {
            Log.warnf(
                    "Stored document %s of application %s is infected (%s); staff cannot open it",
                    document.id, document.applicationId, result.signature());
        }
        return Step.SCANNED;
    }
}
