package com.example.ats.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Every subscription, or only those of {@code owner}, oldest first. */
    public List<WebhookSubscription> visibleTo(String owner) {
        return owner == null
                ? find("order by createdAt, id").list()
                : find("owner = ?1 order by createdAt, id", owner).list();
    }

    public long countOf(String owner) {
        return count("owner", owner);
    }
}
