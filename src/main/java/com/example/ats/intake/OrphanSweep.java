package com.example.ats.intake;

import com.example.ats.document.DocumentRepository;
import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.ObjectsNotDeletedException;
import com.example.ats.work.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes application files that no document row references once they are older than the grace period: what a
 * crash between the upload and the database write leaves behind. The grace period keeps it away from intakes that
 * are still running. Safe on several replicas at once: deleting an already deleted object is not an error.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final int CHUNK = 500;

    private final ObjectStore store;
    private final DocumentRepository documents;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final IntakeConfig config;
    private final Clock clock;
    private final LeftoverCopies copies;
    private final Jobs jobs;

    OrphanSweep(
            ObjectStore store,
            DocumentRepository documents,
            IdempotencyKeyRepository idempotencyKeys,
            IntakeConfig config,
            Clock clock,
            LeftoverCopies copies,
            Jobs jobs) {
        this.jobs = jobs;
        this.store = store;
        this.documents = documents;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.clock = clock;
        this.copies = copies;
    }

    @Scheduled(
            identity = "orphan-sweep",
            every = "${ats.intake.housekeeping-every}",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("intake-housekeeping", () -> {
            int removed = sweep();
            long keys = QuarkusTransaction.requiringNew().call(() -> idempotencyKeys.deleteExpired(clock.instant()));
            int local = copies.sweep();
            int uploads = abortLeftUploads();
            if (removed > 0 || keys > 0 || local > 0 || uploads > 0) {
                Log.infof(
                        "Housekeeping: removed %d orphaned object(s), %d expired idempotency key(s), %d local"
                                + " copy(ies) and %d upload(s) left incomplete",
                        removed, keys, local, uploads);
            }
        });
    }

    /**
     * Aborts the multipart uploads a replica left incomplete (it died mid-file) once they are older than the orphan
     * grace, so that no part of a file outlives the request that sent it; returns how many.
     */
    public int abortLeftUploads() {
        return store.abortIncompleteUploads(
                ObjectKeys.APPLICATIONS, clock.instant().minus(config.orphanGrace()));
    }

    /** Runs one sweep; returns how many objects it removed. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(config.orphanGrace());
        int removed = 0;
        List<String> chunk = new ArrayList<>(CHUNK);
        try (Stream<String> keys = store.keysOlderThan(ObjectKeys.APPLICATIONS, cutoff)) {
            for (String key : (Iterable<String>) keys::iterator) {
                chunk.add(key);
                if (chunk.size() == CHUNK) {
                    removed += removeUnreferenced(chunk);
                    chunk.clear();
                }
            }
        }
        return removed + removeUnreferenced(chunk);
    }

    private int removeUnreferenced(List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> referenced = QuarkusTransaction.requiringNew().call(() -> documents.referencedKeys(keys));
        List<String> orphans =
                keys.stream().filter(key -> !referenced.contains(key)).toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        try {
            store.delete(orphans);
        } catch (ObjectsNotDeletedException e) {
            // a refused object must not keep the rest of the orphans: they go, it is tried at the next sweep
            Log.warnf(
                    "Orphan sweep: %d object(s) refused by the store; tried again at the next sweep",
                    e.keys().size());
            return orphans.size() - e.keys().size();
        }
        return orphans.size();
    }
}
