package com.example.ats.hr;

import com.example.ats.application.ApplicationStatus;
import com.example.ats.retention.PurgeRules;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import com.example.ats.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The application list as keyset pages in (applied_at, id) order: every page is one index range read from the
 * cursor on, never an OFFSET and never a count of the table, so page 10,000 costs what page 1 costs. The name and
 * e-mail search matches the trigram index of V3 (its expression must stay identical to the index's).
 */
@ApplicationScoped
public class ApplicationSearchRepository {

    private static final String SEARCHED =
            "lower(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '') || ' ' || coalesce(p.email, ''))";

    private final EntityManager entityManager;
    private final Clock clock;

    ApplicationSearchRepository(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public List<ApplicationSummary> page(ApplicationFilter filter, Cursor after, int limit) {
        String q = filter.q == null || filter.q.isBlank()
                ? null
                : "%" + escapeLike(filter.q.strip().toLowerCase(Locale.ROOT)) + "%";
        KeysetQuery keyset = KeysetQuery.orderedBy("a.applied_at", "a.id")
                .filter("a.vacancy_id = :vacancyId", "vacancyId", filter.vacancyId)
                .filter(
                        "a.status in (:statuses)",
                        "statuses",
                        filter.status == null || filter.status.isEmpty()
                                ? null
                                : filter.status.stream().map(Enum::name).toList())
                .filter("a.applied_at >= :appliedFrom", "appliedFrom", filter.appliedFrom)
                .filter("a.applied_at < :appliedTo", "appliedTo", filter.appliedTo)
                .filter("a.expires_at < :expiresBefore", "expiresBefore", filter.expiresBefore)
                .filter(SEARCHED + " like :q escape '\\'", "q", q)
                .after(after);
        String sql = "select a.id, a.vacancy_id, a.status, a.applied_at, a.expires_at, "
                + PurgeRules.holdInForce("a", ":now") + ","
                + " p.first_name, p.last_name, p.email from application a join applicant p on p.application_id = a.id"
                + (keyset.where().isEmpty() ? "" : " where " + keyset.where())
                + keyset.orderBy() + " limit :limit";
        Query query = keyset.bind(entityManager.createNativeQuery(sql));
        query.setParameter("limit", limit);
        query.setParameter("now", clock.instant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new ApplicationSummary(
                        (UUID) row[0],
                        (UUID) row[1],
                        ApplicationStatus.valueOf((String) row[2]),
                        SqlValues.instant(row[3]),
                        SqlValues.instant(row[4]),
                        (Boolean) row[5],
                        (String) row[6],
                        (String) row[7],
                        (String) row[8]))
                .toList();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
