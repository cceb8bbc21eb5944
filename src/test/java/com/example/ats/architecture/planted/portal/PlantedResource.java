package com.example.ats.architecture.planted.portal;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import jakarta.persistence.EntityManager;

/** A planted violation of the applicant wing's rule: an adapter that audits and queries itself. */
class PlantedResource {

    private final AuditLog audit;
    private final EntityManager entityManager;

    PlantedResource(AuditLog audit, EntityManager entityManager) {
        this.audit = audit;
        this.entityManager = entityManager;
    }

    void read() {
        entityManager.createNativeQuery("select 1").getResultList();
        audit.record("applicant", "applicant", AuditAction.SELF_READ, null, null);
    }
}
