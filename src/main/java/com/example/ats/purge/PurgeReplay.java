package com.example.ats.purge;

import com.example.ats.purge.RemovableApplicationRepository.Restored;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.ObjectStoreUnavailableException;
import com.example.ats.storage.ObjectsNotDeletedException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes deletions true again after a backup is restored. A restored database (and object store) holds what existed
 * when the backup was taken, including applicants purged or erased since; the purge records kept outside that backup
 * say who they are. Replaying them removes those applications again by the purge's steps (objects first, then
 * rows) and puts the purge records back, with their original times and reasons. Replaying twice changes nothing.
 */
@ApplicationScoped
public class PurgeReplay {

    private static final int BATCH = 200;

    private final RemovableApplicationRepository applications;
    private final PurgeRecordRepository purgeRecords;
    private final ObjectStore store;
    private final Clock clock;
    private final Removal removal;

    PurgeReplay(
            RemovableApplicationRepository applications,
            PurgeRecordRepository purgeRecords,
            ObjectStore store,
            Clock clock,
            Removal removal) {
        this.applications = applications;
        this.purgeRecords = purgeRecords;
        this.store = store;
        this.clock = clock;
        this.removal = removal;
    }

    /** A purge record to replay: the fields of the proof of deletion. */
    public record Recorded(
            UUID applicationId,
            Instant expiresAt,
            Instant purgedAt,
            PurgeRecord.Reason reason,
            String policyVersion,
            int objectsRemoved,
            boolean keyDestroyed) {}

    /** What a replay did. */
    public record Outcome(
            int records, int applicationsRemoved, int objectsRemoved, int recordsRestored, int keysDestroyed) {
        Outcome plus(Outcome other) {
            return new Outcome(
                    records + other.records,
                    applicationsRemoved + other.applicationsRemoved,
                    objectsRemoved + other.objectsRemoved,
                    recordsRestored + other.recordsRestored,
                    keysDestroyed + other.keysDestroyed);
        }
    }

    /** Replays records in batches, each in one transaction; a store outage stops it (rerun: it is idempotent). */
    public Outcome replay(List<Recorded> records) {
        refuseWhatCouldNotHaveHappened(records);
        Outcome total = new Outcome(0, 0, 0, 0, 0);
        for (int from = 0; from < records.size(); from += BATCH) {
            List<Recorded> batch = records.subList(from, Math.min(records.size(), from + BATCH));
            total = total.plus(QuarkusTransaction.requiringNew().call(() -> replayBatch(batch)));
        }
        Log.infof(
                "Purge records replayed: %d record(s), %d application(s), %d data key(s) and %d object(s) removed"
                        + " again, %d record(s) restored",
                total.records(),
                total.applicationsRemoved(),
                total.keysDestroyed(),
                total.objectsRemoved(),
                total.recordsRestored());
        return total;
    }

    /**
     * A replay may only repeat what the purge or an erasure did: it is no way around a legal hold, nor a way to delete
     * an application that was not due, nor to write a proof of deletion with invented dates. Every record is checked
     * against the restored row (when there is one) before anything is removed; any doubt refuses the whole replay
     * with 409 naming the applications.
     *
     * <ul>
     *   <li>no record purged in the future, none before its application was made;
     *   <li>EXPIRED: an expiry, not after the purge, and the restored row's own expiry not after the purge either;
     *   <li>no legal hold in force on the restored row now (release it first, as for an erasure).
     * </ul>
     */
    private void refuseWhatCouldNotHaveHappened(List<Recorded> records) {
        Instant now = clock.instant();
        Map<UUID, Restored> rows = new HashMap<>();
        List<UUID> ids =
                records.stream().map(Recorded::applicationId).distinct().toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            QuarkusTransaction.requiringNew().run(() -> rows.putAll(byId(applications.restored(chunk, now))));
        }
        refuseDoubtful(records, rows, now, "nothing was replayed");
    }

    private static Map<UUID, Restored> byId(List<Restored> found) {
        Map<UUID, Restored> rows = new HashMap<>();
        found.forEach(row -> rows.put(row.id(), row));
        return rows;
    }

    /** 409 naming every record that could not have happened, with what the caller should know about the rest. */
    private static void refuseDoubtful(
            List<Recorded> records, Map<UUID, Restored> rows, Instant now, String consequence) {
        List<Problem.FieldError> refused = new ArrayList<>();
        for (Recorded record : records) {
            String why = doubt(record, rows.get(record.applicationId()), now);
            if (why != null) {
                refused.add(new Problem.FieldError("records[" + record.applicationId() + "]", why));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(
                    ProblemType.CONFLICT,
                    refused.size() + " record(s) do not match what the restored data allows; " + consequence,
                    refused);
        }
    }

    /** Why this record cannot be replayed, or null. */
    private static String doubt(Recorded record, Restored row, Instant now) {
        if (record.purgedAt().isAfter(now)) {
            return "purged in the future";
        }
        if (record.reason() == PurgeRecord.Reason.EXPIRED
                && (record.expiresAt() == null || record.expiresAt().isAfter(record.purgedAt()))) {
            return "an EXPIRED record needs an expiry at or before its purge";
        }
        if (row == null) {
            return null;
        }
        Instant appliedAt = row.appliedAt();
        Instant expiresAt = row.expiresAt();
        if (record.purgedAt().isBefore(appliedAt)) {
            return "purged before the application was made";
        }
        if (row.held()) {
            return "under a legal hold: release it first";
        }
        if (record.reason() == PurgeRecord.Reason.EXPIRED
                && (expiresAt == null || expiresAt.isAfter(record.purgedAt()))) {
            return "the restored application was not due by the purge's time: re-enter the consent changes made"
                    + " after the backup first, or erase it on request";
        }
        return null;
    }

    private Outcome replayBatch(List<Recorded> batch) {
        List<UUID> ids = batch.stream().map(Recorded::applicationId).distinct().toList();
        Instant now = clock.instant();
        // checked again under the lock: a hold put or a consent given since the check before the replay counts
        Map<UUID, Restored> rows = byId(applications.restoredForUpdate(ids, now));
        refuseDoubtful(batch, rows, now, "the batches before were replayed");
        List<UUID> present = List.copyOf(rows.keySet());
        // the restored keys go first, before the objects (a store failure rolls the batch back, keys included:
        // replay again); replay before the service takes traffic, since until then the restored files can be read
        int keysDestroyed = removal.destroyKeys(present).size();

        // The rows' keys and whatever the store holds under each prefix: a store restored apart from the database
        // may hold objects of applications whose rows are gone.
        Set<String> keys = new LinkedHashSet<>();
        if (!present.isEmpty()) {
            keys.addAll(applications.objectKeysOf(present));
        }
        for (UUID id : ids) {
            try (Stream<String> stored = store.keys(ObjectKeys.of(id))) {
                stored.forEach(keys::add);
            }
        }
        try {
            store.delete(keys);
        } catch (ObjectsNotDeletedException e) {
            throw new ObjectStoreUnavailableException(e); // 503: nothing of this batch is removed; replay again
        }

        Set<UUID> done = new HashSet<>(purgeRecords.recordedAmong(ids));
        List<PurgeRecord> restored = new ArrayList<>();
        for (Recorded record : batch) {
            if (done.add(record.applicationId())) {
                restored.add(PurgeRecord.of(
                        record.applicationId(),
                        record.expiresAt(),
                        record.purgedAt(),
                        record.reason(),
                        record.policyVersion(),
                        record.objectsRemoved(),
                        record.keyDestroyed()));
            }
        }
        // The outbox restored with the backup may lack the first telling: integrators hear of these removals again.
        Map<UUID, PurgeRecord.Reason> removedNow = new LinkedHashMap<>();
        for (Recorded record : batch) {
            UUID id = record.applicationId();
            if (present.contains(id) || restored.stream().anyMatch(r -> r.applicationId.equals(id))) {
                removedNow.putIfAbsent(id, record.reason());
            }
        }
        removal.remove(present, restored, ids, clock.instant(), removedNow, true);
        return new Outcome(batch.size(), present.size(), keys.size(), restored.size(), keysDestroyed);
    }
}
