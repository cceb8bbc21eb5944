package com.example.ats.mail;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.FaultProxiesProfile;
import com.example.ats.shared.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mail through the outbox when things go wrong: the SMTP server down at send time (the mail waits and goes later,
 * once), an application erased while its mail waits (the mail goes with it), and two workers at once (as two
 * replicas: each mail once). The worker is driven by hand here; the clock travels through the retry waits.
 */
@QuarkusTest
@TestProfile(FaultProxiesProfile.class)
class MailFaultTest {

    @Inject
    MailWorker worker;

    @Inject
    TestClock clock;

    @AfterEach
    void heal() {
        FaultProxiesProfile.MAIL.heal();
        clock.reset();
    }

    @Test
    void aMailThatCannotBeSentWaitsAndGoesOnceTheServerIsBack() throws Exception {
        FaultProxiesProfile.MAIL.cutAfter(0);
        MailTest.Applying applying = MailTest.Applying.unique();
        UUID id = UUID.fromString(applying.apply(request -> request).getString("id"));
        worker.sendDue();

        JsonPath log = mails(id);
        assertThat(log.getString("items[0].state")).isEqualTo("PENDING");
        assertThat(log.getString("items[0].lastOutcome")).isEqualTo("SMTP_FAILED");
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(Mailpit.to(applying.email())).isEmpty();

        FaultProxiesProfile.MAIL.heal();
        worker.sendDue();
        assertThat(mails(id).getString("items[0].state"))
                .as("not before its retry is due")
                .isEqualTo("PENDING");
        clock.travel(Duration.ofMinutes(2));
        worker.sendDue();
        assertThat(mails(id).getString("items[0].state")).isEqualTo("SENT");
        assertThat(Mailpit.await(applying.email(), 1)).hasSize(1);
    }

    @Test
    void erasingAnApplicationRemovesItsQueuedMail() throws Exception {
        FaultProxiesProfile.MAIL.cutAfter(0);
        MailTest.Applying applying = MailTest.Applying.unique();
        UUID id = UUID.fromString(applying.apply(request -> request).getString("id"));
        worker.sendDue();
        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + id)
                .then()
                .statusCode(204);

        FaultProxiesProfile.MAIL.heal();
        clock.travel(Duration.ofHours(1));
        worker.sendDue();
        Thread.sleep(1_000);
        assertThat(Mailpit.to(applying.email())).isEmpty();
    }

    @Test
    void twoWorkersAtOnceSendEachMailOnce() throws Exception {
        List<MailTest.Applying> applicants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            MailTest.Applying applying = MailTest.Applying.unique();
            applying.apply(request -> request);
            applicants.add(applying);
        }
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            rounds.add(replicas.submit(() -> worker.sendDue()));
        }
        int claimed = 0;
        for (Future<Integer> round : rounds) {
            claimed += round.get();
        }
        replicas.shutdown();
        while (worker.sendDue() > 0) {
            claimed++;
        }
        for (MailTest.Applying applying : applicants) {
            assertThat(Mailpit.await(applying.email(), 1)).as(applying.email()).hasSize(1);
        }
    }

    private static JsonPath mails(UUID id) {
        return as("privacy-officer")
                .get("/api/v1/applications/" + id + "/mails")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Inject
    com.example.ats.consentmail.RenewalAsker renewals;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void aRenewalMailWhoseQuestionNoLongerAppliesIsDroppedNotSent() throws Exception {
        var applicant = com.example.ats.consentmail.ConsentApplicant.apply("2026-01", "nl");
        worker.sendDue(); // the receipt
        clock.travelTo(applicant.expiresAt(entityManager).minus(Duration.ofDays(10)));
        renewals.askDue();
        com.example.ats.shared.Api.as("privacy-officer")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("granted", false, "channel", "EMAIL"))
                .put("/api/v1/applications/" + applicant.id() + "/retention-consent")
                .then()
                .statusCode(200);

        worker.sendDue();

        JsonPath log = mails(applicant.id());
        assertThat(log.getString("items[1].kind")).isEqualTo("CONSENT_RENEWAL");
        assertThat(log.getString("items[1].state")).isEqualTo("DROPPED");
        assertThat(applicant.mails("Mogen we je sollicitatie langer bewaren?")).isEmpty();
    }
}
