package com.example.ats.webhook;

import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A subscription's deliveries in the order they were made, optionally in one state. */
    public List<WebhookDelivery> page(UUID subscriptionId, WebhookDelivery.State state, Cursor after, int limit) {
        return KeysetQuery.orderedBy("createdAt", "id")
                .filter("subscriptionId = :subscription", "subscription", subscriptionId)
                .filter("state = :state", "state", state)
                .after(after)
                .page(this, limit);
    }

    /** Every failed delivery of the subscription goes again, from a fresh schedule. */
    public void requeueFailed(UUID subscriptionId, Instant now) {
        update(
                "state = ?1, attempts = 0, nextAttemptAt = ?2, leasedUntil = null where subscriptionId = ?3 and state = ?4",
                WebhookDelivery.State.PENDING,
                now,
                subscriptionId,
                WebhookDelivery.State.FAILED);
    }
}
