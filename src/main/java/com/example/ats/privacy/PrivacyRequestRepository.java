package com.example.ats.privacy;

import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** The language of the requester's latest application, if they applied and chose one. */
    public java.util.Optional<String> languageOf(String email) {
        List<?> languages = getEntityManager()
                .createNativeQuery("select a.language from application a join applicant p on p.application_id = a.id"
                        + " where lower(p.email) = lower(?1) and a.language is not null order by a.applied_at desc"
                        + " limit 1")
                .setParameter(1, email.strip())
                .getResultList();
        return languages.stream().map(String.class::cast).findFirst();
    }

    /** The applications whose applicant has this e-mail address (case-insensitive). */
    @SuppressWarnings("unchecked")
    public List<UUID> applicationsOf(String email) {
        return getEntityManager()
                .createNativeQuery("select application_id from applicant where lower(email) = lower(?1)")
                .setParameter(1, email.strip())
                .getResultList();
    }

    /**
     * Replaces (or, with null, forgets) the address of the requests an applicant made about this application with
     * its access code, where they still hold {@code address}; requests the privacy officer registered keep theirs.
     */
    public int replaceApplicantsAddress(UUID applicationId, String address, String replacement) {
        return getEntityManager()
                .createNativeQuery("update privacy_request set email = ?3, version = version + 1"
                        + " where created_by = ?4 and lower(email) = lower(?2) and id in (select privacy_request_id"
                        + " from privacy_request_application where application_id = ?1)")
                .setParameter(1, applicationId)
                .setParameter(2, address)
                .setParameter(3, replacement)
                .setParameter(4, PrivacyRequestService.BY_APPLICANT)
                .executeUpdate();
    }

    /** Whether a request of this type linked to the application is still open. */
    public boolean openFor(PrivacyRequest.Type type, UUID applicationId) {
        return ((Number) getEntityManager()
                                .createNativeQuery(
                                        "select count(*) from privacy_request r join privacy_request_application l"
                                                + " on l.privacy_request_id = r.id where l.application_id = ?1 and r.type = ?2"
                                                + " and r.status = 'OPEN'")
                                .setParameter(1, applicationId)
                                .setParameter(2, type.name())
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /**
     * Minimises the closed requests whose applications are all gone, closed (and their last application purged) by
     * {@code cutoff}: the e-mail address, the note and the outcome's words go, {@code now} is kept as when. Answers
     * how many.
     */
    public int minimiseDue(Instant now, Instant cutoff) {
        getEntityManager().flush(); // purge records and deletions of this transaction must be visible to the update
        return getEntityManager()
                .createNativeQuery("update privacy_request r set email = null, note = null, outcome = null,"
                        + " minimised_at = :now, version = r.version + 1"
                        + " where r.status = 'CLOSED' and r.minimised_at is null"
                        + " and not exists (select 1 from privacy_request_application pa"
                        + "   join application a on a.id = pa.application_id where pa.privacy_request_id = r.id)"
                        + " and greatest(r.closed_at, coalesce((select max(p.purged_at) from purge_record p"
                        + "   join privacy_request_application pa on pa.application_id = p.application_id"
                        + "   where pa.privacy_request_id = r.id), r.closed_at)) <= :cutoff")
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** How many requests are open. */
    public long countOpen() {
        Number count = (Number) getEntityManager()
                .createNativeQuery("select count(*) from privacy_request where status = 'OPEN'")
                .getSingleResult();
        return count.longValue();
    }

    /** How many requests are open past their due date at {@code now}. */
    public long countOverdue(Instant now) {
        Number count = (Number) getEntityManager()
                .createNativeQuery("select count(*) from privacy_request where status = 'OPEN' and due_at < ?1")
                .setParameter(1, now)
                .getSingleResult();
        return count.longValue();
    }

    /** Reads the request again from the database, after an update by SQL in this transaction. */
    public void refresh(PrivacyRequest request) {
        getEntityManager().refresh(request);
    }
}
