package com.example.ats.webhook;

import com.example.ats.event.EventStore;
import com.example.ats.event.EventType;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import com.example.ats.work.WorkTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** Deliveries as the work queue sees them: pending ones, due in order of their retry time and event. */
    static final WorkTable QUEUE = new WorkTable(
            "webhook_delivery",
            "w.state = 'PENDING'",
            "w.next_attempt_at, w.event_seq",
            "leased_until",
            "attempts",
            "next_attempt_at");

    private final EventStore events;
    private final ObjectMapper json;

    WebhookDeliveryRepository(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

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

    /**
     * Due deliveries in the order to claim them, in fair shares: the slots are split between the subscriptions with
     * due deliveries (at least two each), so one slow or dead receiver cannot take every slot while a lone subscriber
     * still gets them all; only the oldest unfinished delivery per subscription and subject is due (in order).
     */
    public List<UUID> dueInFairShares(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager()
                .createNativeQuery("""
                        with due as (
                          select d.id, d.subscription_id, d.next_attempt_at, d.event_seq
                            from webhook_delivery d
                            join webhook_subscription s on s.id = d.subscription_id
                           where d.state = 'PENDING' and s.state = 'ACTIVE' and d.next_attempt_at <= :now
                             and (d.leased_until is null or d.leased_until <= :now)
                             and not exists (select 1 from webhook_delivery e
                                              where e.subscription_id = d.subscription_id
                                                and e.ordering_key = d.ordering_key
                                                and e.event_seq < d.event_seq and e.state <> 'DELIVERED')
                        ), ranked as (
                          select id, next_attempt_at, event_seq, row_number() over (
                                   partition by subscription_id order by next_attempt_at, event_seq) as place
                            from due
                        )
                        select id from ranked
                         where place <= greatest(2, :batch / (select count(distinct subscription_id) from due))
                         order by next_attempt_at, event_seq
                         limit :batch""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", limit)
                .getResultList();
        return ids;
    }

    /** A claimed delivery with what it takes to send it: target, sealed secret, the event's id and body. */
    public record Outgoing(
            UUID subscriptionId,
            String owner,
            EventType type,
            String target,
            byte[] sealedSecret,
            String eventId,
            String body) {}

    /** The deliveries to send, by id. */
    public Map<UUID, Outgoing> outgoing(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        select d.id, d.subscription_id, s.target_url, s.secret_sealed, d.event_seq, s.owner
                          from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                         where d.id in (:ids)""", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, EventStore.Stored> stored = events.bySeq(
                rows.stream().map(row -> ((Number) row[4]).longValue()).toList());
        Map<UUID, Outgoing> outgoing = new HashMap<>();
        for (Object[] row : rows) {
            EventStore.Stored event = stored.get(((Number) row[4]).longValue());
            outgoing.put(
                    (UUID) row[0],
                    new Outgoing(
                            (UUID) row[1],
                            (String) row[5],
                            event.type(),
                            (String) row[2],
                            (byte[]) row[3],
                            event.view().id().toString(),
                            body(event)));
        }
        return outgoing;
    }

    private String body(EventStore.Stored event) {
        try {
            return json.writeValueAsString(event.view());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
