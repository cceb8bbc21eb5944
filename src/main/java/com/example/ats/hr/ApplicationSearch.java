package com.example.ats.hr;

import com.example.ats.application.ApplicationStatus;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The application list as keyset pages in (applied_at, id) order: every page is one index range read from the
 * cursor on, never an OFFSET and never a count of the table, so page 10,000 costs what page 1 costs. The name and
 * e-mail search matches the trigram index of V3 (its expression must stay identical to the index's).
 */
@ApplicationScoped
public class ApplicationSearch {

    private static final String SEARCHED =
            "lower(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '') || ' ' || p.email)";

    private final EntityManager entityManager;

    ApplicationSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<ApplicationSummary> page(ApplicationFilter filter, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.vacancyId != null) {
            where.add("a.vacancy_id = :vacancyId");
            parameters.put("vacancyId", filter.vacancyId);
        }
        if (filter.status != null && !filter.status.isEmpty()) {
            where.add("a.status in (:statuses)");
            parameters.put("statuses", filter.status.stream().map(Enum::name).toList());
        }
        if (filter.appliedFrom != null) {
            where.add("a.applied_at >= :appliedFrom");
            parameters.put("appliedFrom", filter.appliedFrom);
        }
        if (filter.appliedTo != null) {
            where.add("a.applied_at < :appliedTo");
            parameters.put("appliedTo", filter.appliedTo);
        }
        if (filter.expiresBefore != null) {
            where.add("a.expires_at < :expiresBefore");
            parameters.put("expiresBefore", filter.expiresBefore);
        }
        if (filter.q != null && !filter.q.isBlank()) {
            where.add(SEARCHED + " like :q escape '\\'");
            parameters.put("q", "%" + escapeLike(filter.q.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            where.add("(a.applied_at, a.id) > (:afterTime, :afterId)");
            parameters.put("afterTime", after.time());
            parameters.put("afterId", after.id());
        }
        String sql = "select a.id, a.vacancy_id, a.status, a.applied_at, a.expires_at, a.legal_hold_reason is not null,"
                + " p.first_name, p.last_name, p.email from application a join applicant p on p.application_id = a.id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by a.applied_at, a.id limit :limit";
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
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
