package com.example.ats.purge;

import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of every removal after its objects are gone from the store, written once for the purge, the erasure and
 * the replay after a restore: the rows, then the proof of deletion, then the telling. All in the caller's
 * transaction, so the rows, the proofs and the events commit together or not at all.
 */
@ApplicationScoped
class Removal {

    private final RemovableApplicationRepository applications;
    private final PurgeRecordRepository records;
    private final Event<ApplicationsRemoved> removed;
    private final Outbox outbox;

    Removal(
            RemovableApplicationRepository applications,
            PurgeRecordRepository records,
            Event<ApplicationsRemoved> removed,
            Outbox outbox) {
        this.applications = applications;
        this.records = records;
        this.removed = removed;
        this.outbox = outbox;
    }

    /** Deletes every row of {@code present} (the application's delete cascades to its children), then writes the proofs. */
    void rowsAndProofs(List<UUID> present, List<PurgeRecord> proofs) {
        if (!present.isEmpty()) {
            applications.delete(present);
        }
        records.persist(proofs);
    }

    /**
     * Tells the service that these applications are gone (their queued mails go, the privacy register is minimised,
     * their pending events are forgotten), and integrators which of them were removed now and why.
     *
     * @param replayed the removal repeats one made before a restore (the event says so)
     */
    void tell(List<UUID> gone, Instant at, Map<UUID, PurgeRecord.Reason> removedNow, boolean replayed) {
        if (!removedNow.isEmpty()) {
            removed.fire(new ApplicationsRemoved(gone, at));
        }
        outbox.forget(gone);
        removedNow.forEach((id, reason) -> {
            if (replayed) {
                outbox.record(eventFor(reason), id, "reason", reason, "replayed", true);
            } else {
                outbox.record(eventFor(reason), id, "reason", reason);
            }
        });
    }

    /** What integrators are told: erased on request, or purged because its time had come. */
    static EventType eventFor(PurgeRecord.Reason reason) {
        return reason == PurgeRecord.Reason.EXPIRED ? EventType.APPLICATION_PURGED : EventType.APPLICATION_ERASED;
    }
}
