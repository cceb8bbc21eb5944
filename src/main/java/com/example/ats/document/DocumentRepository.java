package com.example.ats.document;

import com.example.ats.storage.ObjectKeys;
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
        // A file's encrypted form ({key}.enc, ADR 0030) counts as referenced while its document exists: a database
        // restored from before the migration job switched the document still names the plaintext object.
        Set<String> asked = new HashSet<>(keys);
        keys.forEach(key -> asked.add(ObjectKeys.plainOf(key)));
        // and a plaintext object the migration job keeps for a while after the switch is still read by downloads
        @SuppressWarnings("unchecked")
        List<String> rows = getEntityManager()
                .createNativeQuery("select object_key from document where object_key in (:keys)"
                        + " union select plain_object_key from document where plain_object_key in (:keys)")
                .setParameter("keys", asked)
                .getResultList();
        Set<String> named = new HashSet<>(rows);
        Set<String> referenced = new HashSet<>();
        for (String key : keys) {
            if (named.contains(key) || named.contains(ObjectKeys.plainOf(key))) {
                referenced.add(key);
            }
        }
        return referenced;
    }
}
