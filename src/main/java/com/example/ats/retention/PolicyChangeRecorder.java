package com.example.ats.retention;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.audit.AuditTrailTrimmed;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At start, compares the retention rules in force with the ones last recorded and, when they differ (or on the first
 * start), logs the change and records it as an audit event. Replicas starting together take an advisory lock, so
 * one change is recorded once. ExpiryService already computed stay as they are: a change applies to future computations.
 * After the audit trail was trimmed the comparison runs again: the record of the policy in force may have gone with
 * its month (ADR 0031), and the trail must always name that policy.
 */
@ApplicationScoped
class PolicyChangeRecorder {

    static final AuditAction ACTION = AuditAction.RETENTION_POLICY_CHANGED;
    private static final long LOCK_KEY = 0x5245_5445_4e54L; // "RETENT"

    private final RetentionPolicy policy;
    private final AuditLog audit;
    private final PolicyChangeRepository changes;

    PolicyChangeRecorder(RetentionPolicy policy, AuditLog audit, PolicyChangeRepository changes) {
        this.policy = policy;
        this.audit = audit;
        this.changes = changes;
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::recordIfChanged);
    }

    /** The record of the policy in force may have passed the audit trail's kept period: then it is written again. */
    void onTrimmed(@Observes AuditTrailTrimmed trimmed) {
        QuarkusTransaction.requiringNew().run(this::recordIfChanged);
    }

    private void recordIfChanged() {
        changes.lock(LOCK_KEY);
        String previous = changes.lastRecorded(ACTION).orElse(null);
        if (policy.version().equals(previous)) {
            return;
        }
        if (previous == null) {
            Log.infof(
                    "Retention policy [%s] recorded in the audit trail (none was there: a first start, or its record"
                            + " passed the trail's kept period)",
                    policy.version());
        } else {
            Log.warnf(
                    "Retention policy changed from [%s] to [%s]; applies to expiries computed from now on",
                    previous, policy.version());
        }
        audit.record("system", "system", ACTION, null, policy.version());
    }
}
