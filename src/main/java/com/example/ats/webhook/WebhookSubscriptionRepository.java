package com.example.ats.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** Marks the subscriptions that will miss events: an undelivered one about to go with the events before cutoff. */
    int markMissedEvents(Instant now, Instant cutoff) {
        return getEntityManager()
                .createNativeQuery("""
                        update webhook_subscription s set missed_events_at = :now
                         where missed_events_at is null
                           and exists (select 1 from webhook_delivery d join outbox_event e on e.seq = d.event_seq
                                        where d.subscription_id = s.id and d.state <> 'DELIVERED'
                                          and e.occurred_at < :cutoff)""")
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Removes the subscriptions disabled before cutoff. */
    int removeDisabledBefore(Instant cutoff) {
        return getEntityManager()
                .createNativeQuery(
                        "delete from webhook_subscription where state = 'DISABLED' and disabled_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
