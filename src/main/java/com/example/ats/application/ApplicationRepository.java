package com.example.ats.application;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Applications (with their applicant details) in PostgreSQL. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** The newest applications held under an e-mail address (compared without case), at most {@code max}. */
    public List<Application> heldUnder(String email, int max) {
        return find(
                        "lower(applicant.email) = ?1 order by appliedAt desc",
                        email.strip().toLowerCase(Locale.ROOT))
                .page(0, max)
                .list();
    }
}
