package com.example.ats.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Document metadata in PostgreSQL. */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public List<Document> forApplication(UUID applicationId) {
        return list("applicationId = ?1 order by createdAt, id", applicationId);
    }

    /** Which of these object keys some document row still references. */
    public Set<String> referencedKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select d.objectKey from Document d where d.objectKey in :keys", String.class)
                .setParameter("keys", keys)
                .getResultList());
    }
}
