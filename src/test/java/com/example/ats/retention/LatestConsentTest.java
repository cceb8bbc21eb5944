package com.example.ats.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.application.Application;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deciding retention-consent event, one rule in SQL and in Java: the latest by when it happened, and of events
 * at the same instant the one recorded last, whatever order a list holds them in; the queries and the services agree.
 */
@QuarkusTest
class LatestConsentTest {

    record Event(String action, Instant at) {}

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Inject
    EntityManager entityManager;

    @Inject
    RetentionConsentService consents;

    @Test
    void theLatestDecidesAndOfATieTheOneRecordedLast() {
        assertThat(LatestConsent.of(List.<Event>of(), Event::at)).isEmpty();
        assertThat(LatestConsent.of(
                        List.of(new Event("GRANTED", T), new Event("WITHDRAWN", T.plusSeconds(1))), Event::at))
                .contains(new Event("WITHDRAWN", T.plusSeconds(1)));
        // recorded later, but happened earlier (a consent on paper, entered afterwards): the earlier one does not
        // decide
        assertThat(LatestConsent.of(
                        List.of(new Event("WITHDRAWN", T.plusSeconds(1)), new Event("GRANTED", T)), Event::at))
                .contains(new Event("WITHDRAWN", T.plusSeconds(1)));
        assertThat(LatestConsent.of(List.of(new Event("GRANTED", T), new Event("WITHDRAWN", T)), Event::at))
                .contains(new Event("WITHDRAWN", T));
        assertThat(LatestConsent.of(List.of(new Event("WITHDRAWN", T), new Event("GRANTED", T)), Event::at))
                .contains(new Event("GRANTED", T));
    }

    @Test
    void theQueriesAndTheServiceAgreeOnATieAndOnALateEntry() {
        Applications.Submitted submitted = Applications.submit(false);
        UUID id = submitted.id();
        Instant at = submitted.appliedAt().plusSeconds(86_400);
        // after the refusal at intake: a grant and a withdrawal at the same instant, the withdrawal recorded last; then
        // a grant entered afterwards that happened before both
        insert(id, ConsentAction.GRANTED, at);
        insert(id, ConsentAction.WITHDRAWN, at);
        insert(id, ConsentAction.GRANTED, at.minusSeconds(3600));

        String sql = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "select " + LatestConsent.sql("action", "a") + " from application a" + " where a.id = ?1")
                .setParameter(1, id)
                .getSingleResult());
        boolean inForce = QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("select " + LatestConsent.inForce("a") + " from application a where a.id = ?1")
                .setParameter(1, id)
                .getSingleResult());
        RetentionConsentState state =
                QuarkusTransaction.requiringNew().call(() -> consents.state(entityManager.find(Application.class, id)));

        assertThat(sql).isEqualTo("WITHDRAWN");
        assertThat(inForce).isFalse();
        assertThat(state.lastAction()).isEqualTo(ConsentAction.WITHDRAWN);
        assertThat(state.granted()).isFalse();
    }

    private void insert(UUID id, ConsentAction action, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "insert into consent_event (application_id, kind, action, occurred_at, channel)"
                                        + " values (?1, 'RETENTION', ?2, ?3, ?4)")
                        .setParameter(1, id)
                        .setParameter(2, action.name())
                        .setParameter(3, Timestamp.from(at))
                        .setParameter(4, ConsentChannel.WEB.name())
                        .executeUpdate());
    }
}
