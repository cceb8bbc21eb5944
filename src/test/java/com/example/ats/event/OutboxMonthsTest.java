package com.example.ats.event;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.partition.MonthlyPartitionRepository;
import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox is kept by the month (ADR 0031): a month that ended before the kept period is dropped whole, the older
 * events of the month the cutoff falls in are deleted, newer ones stay, and the feed's 410 horizon agrees with what
 * went.
 */
@QuarkusTest
class OutboxMonthsTest {

    @Inject
    Outbox outbox;

    @Inject
    EventRetention retention;

    @Inject
    MonthlyPartitionRepository partitions;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
        partitions.prepare(EventRetention.TABLE, clock.instant()); // the months of today, if a travel dropped them
    }

    @Test
    void eventsOlderThanTheKeptPeriodGoAMonthAtATimeAndTheFeedIsGoneExactlyBelowThem() {
        clock.travelTo(Instant.parse("2030-12-20T09:00:00Z"));
        retention.pruneNow(); // creates December 2030 to March 2031
        record(); // a cursor at the very start is never gone: this one's is not
        String beforeJanuary = Feed.end();
        clock.travelTo(Instant.parse("2031-01-10T09:00:00Z"));
        UUID january = record();
        clock.travelTo(Instant.parse("2031-02-02T09:00:00Z"));
        UUID earlyFebruary = record();
        String afterEarlyFebruary = Feed.end();
        clock.travelTo(Instant.parse("2031-02-20T09:00:00Z"));
        UUID lateFebruary = record();
        assertThat(partitionOf(january)).isEqualTo("outbox_event_p203101");
        assertThat(partitionOf(lateFebruary)).isEqualTo("outbox_event_p203102");

        clock.travelTo(Instant.parse("2031-03-05T09:00:00Z")); // kept 30 days: the cutoff is 3 February, 09:00
        long removed = retention.pruneNow();

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(partitions.months(EventRetention.TABLE))
                .doesNotContain(YearMonth.of(2031, 1))
                .contains(YearMonth.of(2031, 2), YearMonth.of(2031, 6));
        assertThat(partitionOf(january)).isNull();
        assertThat(partitionOf(earlyFebruary)).isNull();
        assertThat(partitionOf(lateFebruary)).isEqualTo("outbox_event_p203102");
        as("hr-admin").queryParam("after", beforeJanuary).get(Feed.PATH).then().statusCode(410);
        List<Map<String, Object>> after = Feed.since(afterEarlyFebruary).events();
        assertThat(Feed.about(after, lateFebruary.toString())).hasSize(1);
    }

    @Test
    void aMonthNotCreatedYetWaitsInTheDefaultPartitionAndMovesIntoItsMonthWhenItIsCreated() {
        clock.travelTo(Instant.parse("2036-07-15T12:00:00Z"));
        UUID early = record();
        assertThat(partitionOf(early)).isEqualTo("outbox_event_default");

        retention.pruneNow();

        assertThat(partitionOf(early)).isEqualTo("outbox_event_p203607");
        assertThat(partitions.months(EventRetention.TABLE)).contains(YearMonth.of(2036, 10));
    }

    @Test
    void aDeliveryStaysWithItsEventWhileTheEventMovesIntoItsMonthAndGoesWithTheMonth() {
        clock.travelTo(Instant.parse("2037-03-15T12:00:00Z"));
        UUID subject = record();
        assertThat(partitionOf(subject)).isEqualTo("outbox_event_default");
        UUID subscription = UUID.randomUUID();
        long seq = QuarkusTransaction.requiringNew().call(() -> {
            entityManager
                    .createNativeQuery("insert into webhook_subscription (id, target_url, event_types, secret_sealed,"
                            + " owner, state, starts_after, created_at) values (:id, 'https://hr.example.org/hook',"
                            + " 'vacancy.changed', '\\x00', 'test', 'DISABLED', 0, now())")
                    .setParameter("id", subscription)
                    .executeUpdate();
            return ((Number) entityManager
                            .createNativeQuery("select seq from outbox_event where subject_id = :id")
                            .setParameter("id", subject)
                            .getSingleResult())
                    .longValue();
        });
        assertThat(deliver(subscription, seq)).as("a delivery of a kept event").isEqualTo(1);
        assertThat(deliver(subscription, -seq))
                .as("a delivery of an event that is not there")
                .isZero();

        retention.pruneNow(); // March 2037 is created: the event moves out of the default partition
        assertThat(partitionOf(subject)).isEqualTo("outbox_event_p203703");
        assertThat(deliveries(subscription))
                .as("the delivery moved along, it was not erased")
                .isEqualTo(1);

        clock.travelTo(Instant.parse("2037-05-20T12:00:00Z")); // kept 30 days: March has ended before the cutoff
        retention.pruneNow();
        assertThat(partitionOf(subject)).isNull();
        assertThat(deliveries(subscription))
                .as("the delivery went with its month")
                .isZero();
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from webhook_subscription where id = :id")
                        .setParameter("id", subscription)
                        .executeUpdate());
    }

    private int deliver(UUID subscription, long seq) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("insert into webhook_delivery (id, subscription_id, event_seq, ordering_key,"
                                + " created_at, state, next_attempt_at) values (gen_random_uuid(), :subscription,"
                                + " :seq, gen_random_uuid(), now(), 'PENDING', now() + interval '100 years')")
                        .setParameter("subscription", subscription)
                        .setParameter("seq", seq)
                        .executeUpdate());
    }

    private long deliveries(UUID subscription) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from webhook_delivery where subscription_id = :id")
                                .setParameter("id", subscription)
                                .getSingleResult())
                        .longValue());
    }

    private UUID record() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.record(EventType.VACANCY_CHANGED, id, "status", "OPEN"));
        return id;
    }

    /** The table that holds the event about {@code subject}; null when there is none. */
    private String partitionOf(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> found = entityManager
                    .createNativeQuery("select tableoid::regclass::text from outbox_event where subject_id = :id")
                    .setParameter("id", subject)
                    .getResultList();
            return found.isEmpty() ? null : found.getFirst();
        });
    }
}
