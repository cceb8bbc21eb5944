package com.example.ats.purge;

import com.example.ats.purge.RemovableApplicationRepository.DocumentKey;
import com.example.ats.purge.RemovableApplicationRepository.Removable;
import com.example.ats.retention.PurgeRules;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.ObjectStoreUnavailableException;
import com.example.ats.storage.ObjectsNotDeletedException;
import com.example.ats.work.WorkQueue;
import com.example.ats.work.WorkTable;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Deletes applications whose expiry has passed and that no legal hold protects, in batches, each batch in one
 * transaction: lock the due rows through the work queue (other replicas skip them instead of waiting),
 * remove their objects from the store, delete the rows, write a purge record per application, commit.
 *
 * <p>Crash-safe: until the commit, the rows stay and keep their locks only as long as the connection lives; a run
 * that dies after removing objects leaves the rows, and the next run removes the (already missing) objects again,
 * deletes the rows and writes the one purge record. A store outage rolls the batch back and ends the run; the next
 * run retries. An object the store refuses to delete (it answers, but says no) stops nothing: its application is left
 * in place, still due, and retried with backoff ({@link BlockedPurges}); the rest of the batch goes.
 */
@ApplicationScoped
public class Purger {

    /** Applications due for the purge, as locked work of the queue; a blocked one waits for its retry time. */
    static final WorkTable DUE = WorkTable.locked(
            "application",
            PurgeRules.dueForPurge("w", ":now"),
            "w.expires_at, w.id",
            "purge_attempts",
            "purge_retry_at");

    private final RemovableApplicationRepository applications;
    private final WorkQueue queue;
    private final ObjectStore store;
    private final PurgeProbe probe;
    private final PurgeMetrics metrics;
    private final BlockedPurges blocked;
    private final Clock clock;
    private final int batchSize;
    private final Removal removal;
    private volatile boolean stopping;

    Purger(
            RemovableApplicationRepository applications,
            WorkQueue queue,
            ObjectStore store,
            PurgeProbe probe,
            PurgeMetrics metrics,
            BlockedPurges blocked,
            Clock clock,
            RetentionConfig config,
            Removal removal) {
        this.applications = applications;
        this.queue = queue;
        this.store = store;
        this.probe = probe;
        this.metrics = metrics;
        this.blocked = blocked;
        this.clock = clock;
        this.batchSize = config.purgeBatchSize();
        this.removal = removal;
    }

    /** What one run did. */
    public record Run(Instant startedAt, Instant finishedAt, int purged, int objectsRemoved, boolean completed) {}

    /** One batch's work. */
    record Batch(int examined, int purged, int objectsRemoved) {}

    /** Purges everything due at the start of the run; stops between batches when the service shuts down. */
    public Run run() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        int purged = 0;
        int objects = 0;
        boolean completed = true;
        try {
            while (!stopping) {
                Batch batch = QuarkusTransaction.requiringNew().call(() -> purgeBatch(now));
                purged += batch.purged();
                objects += batch.objectsRemoved();
                metrics.purged(batch.purged());
                if (batch.examined() < batchSize) {
                    break;
                }
            }
        } catch (ObjectStoreUnavailableException e) {
            completed = false;
            metrics.failed();
            Log.warnf(
                    "Purge run stopped: the object store is unavailable (%s); rows kept, next run retries",
                    e.getCause() == null
                            ? e.getMessage()
                            : e.getCause().getClass().getSimpleName());
        } finally {
            metrics.ran(System.nanoTime() - started);
            metrics.refreshOverdue();
        }
        if (purged > 0) {
            Log.infof("Purge run: %d application(s) and %d object(s) removed", purged, objects);
        }
        return new Run(now, clock.instant(), purged, objects, completed && !stopping);
    }

    private Batch purgeBatch(Instant now) {
        List<UUID> ids = queue.lockDue(DUE, batchSize, now);
        if (ids.isEmpty()) {
            return new Batch(0, 0, 0);
        }
        return remove(applications.inExpiryOrder(ids), PurgeRecord.Reason.EXPIRED);
    }

    /**
     * Erases one application now, at its applicant's or the privacy officer's request, by the purge's own steps
     * (objects, rows, purge record with reason ERASURE_REQUEST). Waits for a purge batch that holds the row; returns
     * false when there is nothing to erase (already purged or erased). Call inside a transaction.
     */
    public boolean erase(UUID applicationId) {
        Optional<Removable> row = applications.lockForErasure(applicationId);
        if (row.isEmpty()) {
            return false;
        }
        remove(List.of(row.get()), PurgeRecord.Reason.ERASURE_REQUEST);
        return true;
    }

    /** Objects first, then rows, then one purge record each: the order that leaves nothing behind after a crash. */
    private Batch remove(List<Removable> examined, PurgeRecord.Reason reason) {
        List<Removable> locked = examined;
        List<UUID> ids = locked.stream().map(Removable::id).toList();
        List<DocumentKey> documents = applications.documentsOf(ids);
        List<String> keys = documents.stream().map(DocumentKey::objectKey).toList();
        // every examined application is due or asked to be erased: its key goes even if one of its objects sticks
        // (an application whose purge has begun cannot be kept any more: RetentionConsentService, LegalHoldService)
        RemovableApplicationRepository.FilesByEncryption files = applications.filesByEncryption(ids);
        Set<UUID> keyDestroyed = new HashSet<>(removal.destroyKeys(ids));
        keyDestroyed.addAll(files.encrypted()); // destroyed now, or at an earlier attempt held up by the store
        keyDestroyed.removeAll(files.inClear()); // a file stored in clear had no key to destroy
        try {
            store.delete(keys);
        } catch (ObjectsNotDeletedException e) {
            if (reason != PurgeRecord.Reason.EXPIRED) {
                // an erasure is all or nothing: the rows stay, the caller retries (503)
                throw new ObjectStoreUnavailableException(e);
            }
            // One stuck object must not stop the purge: its application stays due, is retried later, the rest goes.
            Set<UUID> stuck = documents.stream()
                    .filter(d -> e.keys().contains(d.objectKey()))
                    .map(DocumentKey::applicationId)
                    .collect(Collectors.toSet());
            blocked.retryLater(stuck, e.getMessage());
            locked = locked.stream().filter(row -> !stuck.contains(row.id())).toList();
            ids = locked.stream().map(Removable::id).toList();
            keys = documents.stream()
                    .filter(d -> !stuck.contains(d.applicationId()))
                    .map(DocumentKey::objectKey)
                    .toList();
            if (ids.isEmpty()) {
                return new Batch(examined.size(), 0, 0);
            }
        }
        probe.objectsRemoved(ids);

        Instant purgedAt = clock.instant();
        List<PurgeRecord> proofs = new ArrayList<>();
        Map<UUID, PurgeRecord.Reason> reasons = new LinkedHashMap<>();
        List<UUID> owners = documents.stream().map(DocumentKey::applicationId).toList();
        for (Removable row : locked) {
            UUID id = row.id();
            int objects = Collections.frequency(owners, id);
            proofs.add(PurgeRecord.of(
                    id, row.expiresAt(), purgedAt, reason, row.policyVersion(), objects, keyDestroyed.contains(id)));
            reasons.put(id, reason);
        }
        removal.remove(ids, proofs, ids, purgedAt, reasons, false);
        return new Batch(examined.size(), ids.size(), keys.size());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
