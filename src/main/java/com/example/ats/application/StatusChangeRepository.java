package com.example.ats.application;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The status history of applications. */
@ApplicationScoped
public class StatusChangeRepository implements PanacheRepository<StatusChange> {

    public List<StatusChange> forApplication(UUID applicationId) {
        return list("applicationId = ?1 order by changedAt, id", applicationId);
    }
}
