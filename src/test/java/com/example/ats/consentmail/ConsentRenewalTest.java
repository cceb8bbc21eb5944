package com.example.ats.consentmail;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.mail.Mailpit;
import com.example.ats.purge.Purger;
import com.example.ats.retention.Applications;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import com.example.ats.web.PlainWords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thirty days before a consented period ends the applicant is asked, once, whether to keep the file another period.
 * The link works once and until the period ends; opening it changes nothing; only the page's POST records a renewal
 * (channel EMAIL, the current text) that moves the expiry by the consented period, or a refusal that keeps the
 * original date, on which the purge then takes the file, as it does when nobody answers.
 */
@QuarkusTest
@TestProfile(ConsentMailProfile.class)
@Tag(StoreUnderTest.STORAGE)
class ConsentRenewalTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String SUBJECT_NL = "Mogen we je sollicitatie langer bewaren?";

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RenewalAsker renewals;

    @Inject
    Purger purger;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theRenewalIsAskedOnceAndItsLinkRenewsOnceByAPeriodFromTheOldDate() throws Exception {
        ConsentApplicant applicant = ConsentApplicant.apply("2026-01", "nl");
        Instant expiresAt = applicant.expiresAt(entityManager);
        assertThat(expiresAt)
                .isEqualTo(
                        applicant.appliedAt().atZone(AMSTERDAM).plusMonths(12).toInstant());

        clock.travelTo(expiresAt.minus(Duration.ofDays(31)));
        renewals.askDue();
        assertThat(applicant.questions(entityManager))
                .as("not yet within 30 days")
                .isZero();

        clock.travelTo(expiresAt.minus(Duration.ofDays(30)).plusSeconds(60));
        renewals.askDue();
        renewals.askDue();
        assertThat(applicant.questions(entityManager))
                .as("one question per period")
                .isEqualTo(1);
        List<Mailpit.Message> mails = applicant.awaitMail(SUBJECT_NL);
        assertThat(mails).hasSize(1);
        Instant renewedUntil = expiresAt.atZone(AMSTERDAM).plusMonths(12).toInstant();
        Locale dutch = Locale.of("nl");
        assertThat(mails.getFirst().text())
                .contains("op " + PlainWords.date(expiresAt, AMSTERDAM, dutch) + " verwijderen we")
                .contains("nog 12 maanden bewaren, tot " + PlainWords.date(renewedUntil, AMSTERDAM, dutch))
                .doesNotContain("P12M");
        String token = ConsentApplicant.token(mails.getFirst());

        for (int look = 0; look < 3; look++) { // a mail scanner, a link preview, the applicant
            given().get("/consent/" + token)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .contentType(ContentType.HTML);
        }
        String page = given().get("/consent/" + token).then().extract().asString();
        assertThat(page)
                .contains("lang=\"nl\"")
                .contains(ConsentMailProfile.NEW_TEXT)
                .contains("value=\"RENEW\"")
                .contains("value=\"DECLINE\"")
                .contains(PlainWords.date(renewedUntil, AMSTERDAM, dutch));
        assertThat(applicant.expiresAt(entityManager))
                .as("reading changes nothing")
                .isEqualTo(expiresAt);

        given().contentType(ContentType.URLENC)
                .formParam("choice", "RENEW")
                .post("/consent/" + token)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Dank je wel"));
        assertThat(applicant.expiresAt(entityManager)).isEqualTo(renewedUntil);
        assertThat(latestConsent(applicant)).containsExactly("GRANTED", "EMAIL", ConsentMailProfile.NEW_VERSION, null);

        given().contentType(ContentType.URLENC)
                .formParam("choice", "RENEW")
                .post("/consent/" + token)
                .then()
                .statusCode(410);
        given().get("/consent/" + token).then().statusCode(410);
        assertThat(applicant.expiresAt(entityManager)).as("single use").isEqualTo(renewedUntil);

        clock.travelTo(renewedUntil.minus(Duration.ofDays(29)));
        renewals.askDue();
        assertThat(applicant.questions(entityManager))
                .as("the next period is asked about again")
                .isEqualTo(2);
        applicant.awaitMail(SUBJECT_NL);
    }

    @Test
    void aDeclinedOrIgnoredRenewalLeavesTheOriginalDateOnWhichThePurgeTakesTheFile() throws Exception {
        ConsentApplicant declining = ConsentApplicant.apply("2026-01", "nl");
        ConsentApplicant silent = ConsentApplicant.apply("2026-01", "nl");
        Instant declinedDate = declining.expiresAt(entityManager);
        Instant silentDate = silent.expiresAt(entityManager);

        clock.travelTo(later(declinedDate, silentDate).minus(Duration.ofDays(20)));
        renewals.askDue();
        String token = ConsentApplicant.token(declining.awaitMail(SUBJECT_NL).getFirst());
        silent.awaitMail(SUBJECT_NL);
        given().contentType(ContentType.URLENC)
                .formParam("choice", "DECLINE")
                .post("/consent/" + token)
                .then()
                .statusCode(200);
        assertThat(declining.expiresAt(entityManager)).isEqualTo(declinedDate);
        assertThat(silent.expiresAt(entityManager)).isEqualTo(silentDate);

        clock.travelTo(earlier(declinedDate, silentDate).minusSeconds(60));
        purger.run();
        assertThat(Applications.rows(entityManager, declining.id())).containsEntry("application", 1L);
        assertThat(Applications.rows(entityManager, silent.id())).containsEntry("application", 1L);

        clock.travelTo(later(declinedDate, silentDate).plusSeconds(1));
        purger.run();
        Applications.assertNoRows(entityManager, declining.id());
        Applications.assertNoRows(entityManager, silent.id());
        given().get("/consent/" + token).then().statusCode(404);
    }

    @Test
    void theLinkExpiresWhenThePeriodEndsAndAnAnswerThenChangesNothing() throws Exception {
        ConsentApplicant applicant = ConsentApplicant.apply("2026-01", "en");
        Instant expiresAt = applicant.expiresAt(entityManager);
        clock.travelTo(expiresAt.minus(Duration.ofDays(10)));
        renewals.askDue();
        Mailpit.Message mail =
                applicant.awaitMail("May we keep your application for longer?").getFirst();
        assertThat(mail.text())
                .contains("on " + PlainWords.date(expiresAt, AMSTERDAM, Locale.ENGLISH) + " we will delete")
                .contains("another 12 months");
        String token = ConsentApplicant.token(mail);
        assertThat(given().get("/consent/" + token)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("lang=\"en\"")
                .contains("Yes, keep my data until");

        clock.travelTo(expiresAt.plusSeconds(1));
        assertThat(given().get("/consent/" + token)
                        .then()
                        .statusCode(410)
                        .extract()
                        .asString())
                .contains("This link no longer works");
        given().contentType(ContentType.URLENC)
                .formParam("choice", "RENEW")
                .post("/consent/" + token)
                .then()
                .statusCode(410);
        assertThat(applicant.expiresAt(entityManager)).isEqualTo(expiresAt);
    }

    @Test
    void noQuestionWithoutConsentUnderALegalHoldOrForAWithdrawnApplication() throws Exception {
        ConsentApplicant refused = ConsentApplicant.apply(null, "nl");
        ConsentApplicant held = ConsentApplicant.apply("2026-01", "nl");
        ConsentApplicant withdrawn = ConsentApplicant.apply("2026-01", "nl");
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute 2026-201"))
                .put("/api/v1/applications/" + held.id() + "/legal-hold")
                .then()
                .statusCode(200);
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "WITHDRAWN"))
                .put("/api/v1/applications/" + withdrawn.id() + "/status")
                .then()
                .statusCode(200);

        clock.travelTo(held.expiresAt(entityManager).minus(Duration.ofDays(5)));
        renewals.askDue();

        assertThat(refused.questions(entityManager)).isZero();
        assertThat(held.questions(entityManager)).isZero();
        assertThat(withdrawn.questions(entityManager)).isZero();
    }

    @Test
    void aWrongChoiceOrAMadeUpTokenIsRefusedAndRecordsNothing() throws Exception {
        ConsentApplicant applicant = ConsentApplicant.apply("2026-01", "nl");
        Instant expiresAt = applicant.expiresAt(entityManager);
        clock.travelTo(expiresAt.minus(Duration.ofDays(3)));
        renewals.askDue();
        String token = ConsentApplicant.token(applicant.awaitMail(SUBJECT_NL).getFirst());

        for (String choice : new String[] {"WITHDRAW", "renew", "", "RENEW' or 1=1"}) {
            given().contentType(ContentType.URLENC)
                    .formParam("choice", choice)
                    .post("/consent/" + token)
                    .then()
                    .statusCode(400);
        }
        // the page's button pressed without a choice, as a mail scanner clicking through would
        given().contentType(ContentType.URLENC)
                .formParam("other", "x")
                .post("/consent/" + token)
                .then()
                .statusCode(400);
        given().get("/consent/" + "A".repeat(43)).then().statusCode(404);
        given().get("/consent/" + "x".repeat(5000))
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(404), org.hamcrest.Matchers.is(414), org.hamcrest.Matchers.is(431)));
        given().contentType(ContentType.URLENC)
                .formParam("choice", "RENEW")
                .post("/consent/" + token.substring(1) + "A")
                .then()
                .statusCode(404);
        assertThat(applicant.expiresAt(entityManager)).isEqualTo(expiresAt);
        given().get("/consent/" + token).then().statusCode(200);
    }

    /** The latest retention-consent event: action, channel, text version, who recorded it. */
    private List<Object> latestConsent(ConsentApplicant applicant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager
                    .createNativeQuery("select action, channel, text_version, recorded_by from consent_event"
                            + " where application_id = ?1 and kind = 'RETENTION' order by occurred_at desc, id desc"
                            + " limit 1")
                    .setParameter(1, applicant.id())
                    .getSingleResult();
            return java.util.Arrays.asList(row);
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
