package com.example.ats.privacy;

import com.example.ats.shared.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Privacy requests, by due date. */
@ApplicationScoped
public class PrivacyRequests implements PanacheRepositoryBase<PrivacyRequest, UUID> {

    /** Keyset page in (dueAt, id) order, optionally of one status. */
    public List<PrivacyRequest> page(PrivacyRequest.Status status, Cursor after, int limit) {
        String where = status == null ? "1 = 1" : "status = :status";
        Parameters parameters = new Parameters();
        if (status != null) {
            parameters.and("status", status);
        }
        if (after != null) {
            where += " and (dueAt > :afterTime or (dueAt = :afterTime and id > :afterId))";
            parameters.and("afterTime", after.time()).and("afterId", after.id());
        }
        return find(where + " order by dueAt, id", parameters).page(0, limit).list();
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
