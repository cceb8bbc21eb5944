package com.example.ats.scan;

import com.example.ats.document.ScanState;
import com.example.ats.encryption.StoredFile;
import com.example.ats.encryption.StoredFiles;
import com.example.ats.work.Jobs;
import com.example.ats.work.RetrySchedule;
import com.example.ats.work.Work;
import com.example.ats.work.WorkQueue;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scans the documents stored {@code PENDING} (the scanner was down or slow at intake, or they predate scanning) from
 * the object store once the scanner answers again, through the {@link WorkQueue}: one at a time, with no transaction
 * or lock held while scanning; the verdict is written only if the document is still there and still pending (an
 * erasure meanwhile wins). A document whose bytes cannot be read waits its retry schedule, after the others.
 */
@ApplicationScoped
public class PendingScanWorker implements Work<StoredFile, MalwareScanner.Result> {

    private final ScanRepository documents;
    private final WorkQueue queue;
    private final Jobs jobs;
    private final StoredFiles files;
    private final MalwareScanner scanner;
    private final ScanConfig config;

    PendingScanWorker(
            ScanRepository documents,
            WorkQueue queue,
            Jobs jobs,
            StoredFiles files,
            MalwareScanner scanner,
            ScanConfig config) {
        this.documents = documents;
        this.queue = queue;
        this.jobs = jobs;
        this.files = files;
        this.scanner = scanner;
        this.config = config;
    }

    @Scheduled(
            identity = "pending-scans",
            every = "${ats.scan.pending-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            jobs.run("pending-scans", this::scanPending);
        }
    }

    /** What a round did: documents given a verdict, and whether it stopped early because the scanner failed. */
    public record Round(int scanned, boolean scannerFailed) {}

    /** Scans every due pending document once, oldest first; stops at the first failure of the scanner. */
    public Round scanPending() {
        if (!scanner.reachable()) {
            return new Round(0, true);
        }
        int scanned = 0;
        while (true) {
            WorkQueue.Batch batch = queue.runBatch(this);
            scanned += batch.recorded();
            if (batch.stopped() || batch.claimed() == 0) {
                return new Round(scanned, batch.stopped());
            }
        }
    }

    @Override
    public Kind kind() {
        return new Kind(
                ScanRepository.PENDING,
                config.workerTimeout().plusMinutes(1),
                config.workerTimeout().plusSeconds(30),
                RetrySchedule.thenRepeatLast(config.retrySchedule()),
                1,
                1);
    }

    @Override
    public Map<UUID, StoredFile> load(List<UUID> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, documents::stored));
    }

    @Override
    public Outcome<MalwareScanner.Result> perform(StoredFile document) {
        try (InputStream content = files.open(document)) {
            return Outcome.done("SCANNED", scanner.scanStored(content));
        } catch (ScannerUnavailableException e) {
            Log.warnf("Scanning pending documents paused: %s", e.getMessage());
            return Outcome.failedForAll("SCANNER_UNAVAILABLE");
        } catch (IOException | RuntimeException e) {
            Log.warnf(
                    "Pending document %s could not be read for scanning (%s); tried again later",
                    document.documentId(), e.getClass().getSimpleName());
            return Outcome.failed("UNREADABLE");
        }
    }

    /** Writes the verdict if the document is still there and pending; whether it was. */
    @Override
    public boolean record(WorkQueue.Claim claim, Outcome<MalwareScanner.Result> outcome, Optional<Instant> retryAt) {
        if (!outcome.done()) {
            return false;
        }
        MalwareScanner.Result result = outcome.value();
        boolean written = documents.recordVerdict(claim.id(), result);
        if (written && result.state() == ScanState.INFECTED) {
            Log.warnf("Stored document %s is infected (%s); staff cannot open it", claim.id(), result.signature());
        }
        return written;
    }
}
