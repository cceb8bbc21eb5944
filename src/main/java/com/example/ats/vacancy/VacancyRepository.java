package com.example.ats.vacancy;

import com.example.ats.shared.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Vacancies in PostgreSQL. */
@ApplicationScoped
public class VacancyRepository implements PanacheRepositoryBase<Vacancy, UUID> {

    /** One keyset page in (createdAt, id) order: the rows after the cursor, never an OFFSET. */
    public List<Vacancy> page(VacancyStatus status, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            where.add("(createdAt > :time or (createdAt = :time and id > :id))");
            parameters.and("time", after.time()).and("id", after.id());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.by("createdAt").and("id"), parameters)
                .range(0, limit - 1)
                .list();
    }
}
