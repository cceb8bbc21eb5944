package com.example.ats.webhook;

import com.example.ats.event.EventStore;
import com.example.ats.event.EventType;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.Slice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Subscriptions and their deliveries, seen by the client that subscribed and by HR admins. */
@ApplicationScoped
public class WebhookService {

    static final String PING = "webhook.ping";

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final DispatchPositionRepository position;
    private final EventStore events;
    private final TargetPolicy targets;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookService(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            DispatchPositionRepository position,
            EventStore events,
            TargetPolicy targets,
            WebhookSender sender,
            WebhookSecrets secrets,
            WebhookConfig config,
            ObjectMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.position = position;
        this.events = events;
        this.targets = targets;
        this.sender = sender;
        this.secrets = secrets;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Who is asking: a client sees its own subscriptions; an HR admin also those of others whose every event type an
     * HR admin may read (never the privacy officer's: their deliveries would tell who objected).
     */
    public record Viewer(String subject, boolean seesAll, Predicate<String> hasRole) {

        boolean sees(WebhookSubscription subscription) {
            return subscription.owner.equals(subject)
                    || (seesAll
                            && Arrays.stream(subscription.eventTypes.split(","))
                                    .allMatch(type -> EventType.ofWireName(type)
                                            .map(known -> known.readableBy(hasRole))
                                            .orElse(false)));
        }
    }

    /**
     * Checks the target and the types, pings the target (which must answer 2xx), then keeps the subscription. It
     * gets the events that are dispatched after it exists, none from before (the change feed has those).
     */
    public WebhookView subscribe(SubscribeRequest request, String owner, Predicate<String> hasRole) {
        URI target = target(request.targetUrl());
        String types = String.join(",", types(request.eventTypes(), hasRole));
        if (QuarkusTransaction.requiringNew().call(() -> subscriptions.countOf(owner)) >= config.maxPerOwner()) {
            throw tooMany(); // checked again below, under the lock: this early answer only spares the ping
        }
        UUID id = UUID.randomUUID();
        String secret = secrets.generate();
        ping(target, secret, id);
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            // Waits for a dispatch in progress: every event after this position is dispatched with us in the list.
            // The lock also serialises subscribing, so the count below holds.
            long dispatched = position.restoreAndLock();
            if (subscriptions.countOf(owner) >= config.maxPerOwner()) {
                throw tooMany();
            }
            WebhookSubscription created = new WebhookSubscription();
            created.id = id;
            created.targetUrl = target.toString();
            created.eventTypes = types;
            created.secretSealed = secrets.seal(secret, id);
            created.owner = owner;
            created.state = WebhookSubscription.State.ACTIVE;
            created.startsAfter = dispatched;
            created.createdAt = clock.instant();
            subscriptions.persist(created);
            return created;
        });
        return WebhookView.of(subscription, secret);
    }

    private ApiException tooMany() {
        return new ApiException(
                ProblemType.CONFLICT,
                "A client may have at most " + config.maxPerOwner() + " subscriptions: delete one first");
    }

    @Transactional
    public WebhookList list(Viewer viewer) {
        return new WebhookList(subscriptions.visibleTo(viewer.seesAll() ? null : viewer.subject()).stream()
                .filter(viewer::sees)
                .map(WebhookView::of)
                .toList());
    }

    @Transactional
    public WebhookView get(UUID id, Viewer viewer) {
        return WebhookView.of(find(id, viewer));
    }

    /** Deletes the subscription and its deliveries; nothing more is sent to it. */
    @Transactional
    public void delete(UUID id, Viewer viewer) {
        subscriptions.delete(find(id, viewer));
    }

    @Transactional
    public Slice<DeliveryView> deliveries(UUID id, Viewer viewer, WebhookDelivery.State state, PageRequest page) {
        find(id, viewer);
        Slice<WebhookDelivery> slice = page.read(
                (after, limit) -> deliveries.page(id, state, after, limit),
                last -> new Cursor(last.createdAt, last.id));
        Map<Long, EventStore.Stored> stored =
                events.bySeq(slice.items().stream().map(d -> d.eventSeq).toList());
        return slice.map(d -> view(d, stored.get(d.eventSeq)));
    }

    /**
     * Sends a failed (or delivered) delivery again, from a fresh schedule. A disabled subscription becomes active
     * again: the client says its receiver is back, and what queued up meanwhile follows, in order.
     */
    @Transactional
    public DeliveryView resend(UUID id, UUID deliveryId, Viewer viewer) {
        WebhookSubscription subscription = find(id, viewer);
        WebhookDelivery delivery = deliveries
                .findByIdOptional(deliveryId, LockModeType.PESSIMISTIC_WRITE)
                .filter(d -> d.subscriptionId.equals(id))
                .orElseThrow(() -> ApiException.notFound("Delivery"));
        if (delivery.state == WebhookDelivery.State.PENDING) {
            throw new ApiException(ProblemType.CONFLICT, "The delivery is still being tried: it is not failed yet");
        }
        delivery.state = WebhookDelivery.State.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = clock.instant();
        delivery.leasedUntil = null;
        delivery.deliveredAt = null;
        if (subscription.state == WebhookSubscription.State.DISABLED) {
            subscription.state = WebhookSubscription.State.ACTIVE;
            subscription.disabledAt = null;
            // every failed delivery goes again, so the ones queued behind them follow in order
            deliveries.requeueFailed(id, clock.instant());
        }
        return view(delivery, events.bySeq(List.of(delivery.eventSeq)).get(delivery.eventSeq));
    }

    private WebhookSubscription find(UUID id, Viewer viewer) {
        return subscriptions
                .findByIdOptional(id)
                .filter(viewer::sees)
                .orElseThrow(() -> ApiException.notFound("Webhook subscription"));
    }

    private URI target(String url) {
        try {
            URI target = targets.parse(url);
            targets.checkReachable(target);
            return target;
        } catch (TargetPolicy.UnsafeTargetException e) {
            throw ApiException.invalidField("targetUrl", e.getMessage());
        }
    }

    private static Set<String> types(List<String> asked, Predicate<String> hasRole) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : asked) {
            EventType type = EventType.ofWireName(name.strip())
                    .orElseThrow(() -> ApiException.invalidField(
                            "eventTypes", "holds an unknown event type; known: " + EventType.wireNames()));
            if (!type.readableBy(hasRole)) {
                throw ApiException.invalidField(
                        "eventTypes", "holds " + type.wireName() + ", which your role does not receive");
            }
            types.add(type.wireName());
        }
        return types;
    }

    private void ping(URI target, String secret, UUID subscriptionId) {
        String eventId = UUID.randomUUID().toString();
        String body;
        try {
            body = json.writeValueAsString(Map.of(
                    "id",
                    eventId,
                    "type",
                    PING,
                    "timestamp",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    "data",
                    Map.of("webhookId", subscriptionId.toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebhookSender.Outcome outcome = sender.send(target, secret, eventId, body);
        if (!outcome.delivered()) {
            throw ApiException.invalidField(
                    "targetUrl",
                    "did not accept the signed ping (" + outcome.code() + "): it must answer 2xx to a POST within"
                            + " seconds; nothing was subscribed");
        }
    }

    private static DeliveryView view(WebhookDelivery delivery, EventStore.Stored event) {
        return new DeliveryView(
                delivery.id,
                event == null ? null : event.view().id(),
                event == null ? null : event.view().type(),
                delivery.state,
                delivery.attempts,
                delivery.state == WebhookDelivery.State.PENDING ? delivery.nextAttemptAt : null,
                delivery.lastAttemptAt,
                delivery.lastOutcome,
                delivery.deliveredAt);
    }
}
