package com.example.ats.consent;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The consent history of applications. */
@ApplicationScoped
public class ConsentEventRepository implements PanacheRepository<ConsentEvent> {

    public List<ConsentEvent> forApplication(UUID applicationId) {
        return list("applicationId = ?1 order by occurredAt, id", applicationId);
    }
}
