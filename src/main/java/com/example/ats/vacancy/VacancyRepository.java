package com.example.ats.vacancy;

import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Vacancies in PostgreSQL. */
@ApplicationScoped
public class VacancyRepository implements PanacheRepositoryBase<Vacancy, UUID> {

    /** One keyset page in (createdAt, id) order: the rows after the cursor, never an OFFSET. */
    public List<Vacancy> page(VacancyStatus status, Cursor after, int limit) {
        return KeysetQuery.orderedBy("createdAt", "id")
                .filter("status = :status", "status", status)
                .after(after)
                .page(this, limit);
    }
}
