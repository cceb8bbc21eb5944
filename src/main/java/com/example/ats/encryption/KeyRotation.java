package com.example.ats.encryption;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.work.Jobs;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The re-wrap job of a key rotation (ADR 0030): moves every data key wrapped by an older key-encryption key to the
 * current one, a batch per transaction, each key only if no other replica moved it meanwhile, so a job killed midway
 * simply goes on at its next round. Each round that moved keys is audited. Keys wrapped by a key the configuration no
 * longer gives cannot be read by anyone: counted in a gauge and logged, never touched.
 */
@ApplicationScoped
public class KeyRotation {

    private final DataKeys keys;
    private final KeyEncryptionKeys keks;
    private final EncryptionConfig config;
    private final AuditLog audit;
    private final Jobs jobs;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    KeyRotation(
            DataKeys keys,
            KeyEncryptionKeys keks,
            EncryptionConfig config,
            AuditLog audit,
            Jobs jobs,
            MeterRegistry registry) {
        this.keys = keys;
        this.keks = keks;
        this.config = config;
        this.audit = audit;
        this.jobs = jobs;
        Gauge.builder("ats.encryption.keys.rewrap.waiting", waiting, AtomicLong::get)
                .description("Data keys still wrapped by an older key-encryption key (as of the last round)")
                .register(registry);
        Gauge.builder("ats.encryption.keys.unreadable", unreadable, AtomicLong::get)
                .description("Data keys wrapped by a key-encryption key the configuration no longer gives: their"
                        + " files cannot be read until it is given again")
                .register(registry);
    }

    @Scheduled(
            identity = "key-rotation",
            every = "${ats.encryption.jobs-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("key-rotation", this::rewrapAll);
    }

    /** Moves every data key to the current key-encryption key; returns how many it moved. */
    public int rewrapAll() {
        return rewrapAllTo(keks.currentId());
    }

    /** Moves every data key wrapped by another configured key-encryption key to {@code kekId}. */
    int rewrapAllTo(String kekId) {
        int moved = 0;
        int unusable = 0;
        while (true) {
            DataKeys.Rewrapped round = QuarkusTransaction.requiringNew().call(() -> keys.rewrap(kekId, config.batch()));
            moved += round.moved();
            unusable = round.unusable();
            if (round.moved() == 0) {
                break; // nothing left, or only keys that do not unwrap (told below) or that another replica moved
            }
        }
        if (unusable > 0) {
            Log.errorf(
                    "Key rotation: %d data key(s) do not unwrap with the key-encryption key of their id: is a key"
                            + " given with other bytes than before in ATS_KEY_ENCRYPTION_KEYS?",
                    unusable);
        }
        count();
        if (moved > 0) {
            audit.record(
                    "system",
                    "system",
                    AuditAction.DATA_KEYS_REWRAPPED,
                    null,
                    moved + " data key(s) now wrapped by key-encryption key " + kekId);
            Log.infof("Key rotation: %d data key(s) now wrapped by key-encryption key %s", moved, kekId);
        }
        return moved;
    }

    private void count() {
        Map<String, Long> byKek = keys.countByKek();
        long older = 0;
        long lost = 0;
        for (Map.Entry<String, Long> entry : byKek.entrySet()) {
            if (keks.byId(entry.getKey()).isEmpty()) {
                lost += entry.getValue();
            } else if (!entry.getKey().equals(keks.currentId())) {
                older += entry.getValue();
            }
        }
        waiting.set(older);
        unreadable.set(lost);
        if (lost > 0) {
            Log.errorf(
                    "%d data key(s) are wrapped by a key-encryption key that is no longer configured: their files"
                            + " cannot be read. Give that key again in ATS_KEY_ENCRYPTION_KEYS (docs/OPERATIONS.md)",
                    lost);
        }
    }
}
