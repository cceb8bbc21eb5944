package com.example.ats.privacy;

import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Privacy requests, by due date. */
@ApplicationScoped
public class PrivacyRequestRepository implements PanacheRepositoryBase<PrivacyRequest, UUID> {

    /** Keyset page in (dueAt, id) order, optionally of one status. */
    public List<PrivacyRequest> page(PrivacyRequest.Status status, Cursor after, int limit) {
        return KeysetQuery.orderedBy("dueAt", "id")
                .filter("status = :status", "status", status)
                .after(after)
                .page(this, limit);
    }

    /** The applications whose applicant has this e-mail address (case-insensitive). */
    @SuppressWarnings("unchecked")
    public List<UUID> applicationsOf(String email) {
        return getEntityManager()
                .createNativeQuery("select application_id from applicant where lower(email) = lower(?1)")
                .setParameter(1, email.strip())
                .getResultList();
    }
}
