package com.example.ats.retention;

import com.example.ats.audit.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The retention policy versions recorded in the audit log (one event per change), and the lock taken to record one. */
@ApplicationScoped
class PolicyChangeRepository {

    private final EntityManager entityManager;

    PolicyChangeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for the advisory lock {@code key}, held until the caller's transaction ends. */
    void lock(long key) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, key)
                .getSingleResult();
    }

    /** The detail of the latest audit event of {@code action} (the policy version recorded last), if any. */
    Optional<String> lastRecorded(AuditAction action) {
        @SuppressWarnings("unchecked")
        List<String> last = entityManager
                .createNativeQuery(
                        "select detail from audit_event where action = ?1 order by occurred_at desc, id desc limit 1")
                .setParameter(1, action.name())
                .getResultList();
        return last.isEmpty() ? Optional.empty() : Optional.ofNullable(last.getFirst());
    }
}
