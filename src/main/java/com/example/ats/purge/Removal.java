package com.example.ats.purge;

import com.example.ats.encryption.DataKeys;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of every removal, written once for the purge, the erasure and the replay after a restore: first the data
 * keys (before the objects are deleted, so an object the store fails to delete is already unreadable), and after the
 * objects are gone from the store, the rows, then the proof of deletion, then the telling. All in the caller's
 * transaction, so the keys, the rows, the proofs and the events commit together or not at all.
 */
@ApplicationScoped
class Removal {

    private final RemovableApplicationRepository applications;
    private final PurgeRecordRepository records;
    private final Event<ApplicationsRemoved> removed;
    private final Outbox outbox;
    private final DataKeys dataKeys;

    Removal(
            RemovableApplicationRepository applications,
            PurgeRecordRepository records,
            Event<ApplicationsRemoved> removed,
            Outbox outbox,
            DataKeys dataKeys) {
        this.applications = applications;
        this.records = records;
        this.removed = removed;
        this.outbox = outbox;
        this.dataKeys = dataKeys;
    }

    /** Destroys the applications' data keys; returns those that had one (their records say so). */
    List<UUID> destroyKeys(Collection<UUID> applicationIds) {
        return dataKeys.destroy(applicationIds);
    }

    /**
     * Removes the applications: their earlier events are forgotten and the removal events recorded (while the rows
     * are there, so that the statistics count each removal under its vacancy and month), every row of {@code present}
     * is deleted (the application's delete cascades to its children), the proofs are written, and the service is told
     * that they are gone (their queued mails go, the privacy register is minimised).
     *
     * @param gone every application of the batch, whether its rows were still here or not
     * @param removedNow those that integrators are told were removed now, and why
     * @param replayed the removal repeats one made before a restore (the event says so)
     */
    void remove(
            List<UUID> present,
            List<PurgeRecord> proofs,
            List<UUID> gone,
            Instant at,
            Map<UUID, PurgeRecord.Reason> removedNow,
            boolean replayed) {
        outbox.forget(gone);
        removedNow.forEach((id, reason) -> {
            if (replayed) {
                outbox.record(eventFor(reason), id, "reason", reason, "replayed", true);
            } else {
                outbox.record(eventFor(reason), id, "reason", reason);
            }
        });
        if (!present.isEmpty()) {
            applications.delete(present);
        }
        records.persist(proofs);
        if (!removedNow.isEmpty()) {
            removed.fire(new ApplicationsRemoved(gone, at));
        }
    }

    /** What integrators are told: erased on request, or purged because its time had come. */
    static EventType eventFor(PurgeRecord.Reason reason) {
        return reason == PurgeRecord.Reason.EXPIRED ? EventType.APPLICATION_PURGED : EventType.APPLICATION_ERASED;
    }
}
