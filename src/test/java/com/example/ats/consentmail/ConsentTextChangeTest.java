package com.example.ats.consentmail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.mail.Mailpit;
import com.example.ats.shared.TestClock;
import com.example.ats.web.PlainWords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new consent text version is configured: every applicant kept with consent to another text is told once, with
 * the new wording and a link to withdraw; those who agreed to the new text, or gave no consent, are not. The link's
 * page changes nothing until the applicant chooses to withdraw.
 */
@QuarkusTest
@TestProfile(ConsentMailProfile.class)
class ConsentTextChangeTest {

    private static final String SUBJECT_NL = "Onze toestemmingstekst is gewijzigd";

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    TextChangeAnnouncer announcer;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void everyApplicantKeptWithConsentToTheOldTextIsToldOnceAndMayWithdraw() throws Exception {
        earlierVersionWasAnnounced("2026-01");
        ConsentApplicant oldText = ConsentApplicant.apply("2026-01", "nl");
        ConsentApplicant english = ConsentApplicant.apply("2026-01", "en");
        ConsentApplicant newText = ConsentApplicant.apply(ConsentMailProfile.NEW_VERSION, "nl");
        ConsentApplicant noConsent = ConsentApplicant.apply(null, "nl");

        assertThat(announcer.announce()).isGreaterThanOrEqualTo(2);
        assertThat(announcer.announce()).as("told once").isZero();

        List<Mailpit.Message> told = oldText.awaitMail(SUBJECT_NL);
        assertThat(told).hasSize(1);
        Instant expiresAt = oldText.expiresAt(entityManager);
        assertThat(told.getFirst().text())
                .contains(ConsentMailProfile.NEW_TEXT)
                .contains("tot " + PlainWords.date(expiresAt, ZoneId.of("Europe/Amsterdam"), Locale.of("nl")));
        assertThat(english.awaitMail("The wording of our consent has changed")).hasSize(1);
        assertThat(newText.mails(SUBJECT_NL)).isEmpty();
        assertThat(noConsent.mails(SUBJECT_NL)).isEmpty();
        assertThat(newText.questions(entityManager) + noConsent.questions(entityManager))
                .isZero();

        String token = ConsentApplicant.token(told.getFirst());
        assertThat(given().get("/consent/" + token)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(ConsentMailProfile.NEW_TEXT)
                .contains("value=\"WITHDRAW\"")
                .doesNotContain("value=\"RENEW\"");
        assertThat(oldText.expiresAt(entityManager))
                .as("reading changes nothing")
                .isEqualTo(expiresAt);

        given().contentType(ContentType.URLENC)
                .formParam("choice", "RENEW")
                .post("/consent/" + token)
                .then()
                .statusCode(400);
        given().contentType(ContentType.URLENC)
                .formParam("choice", "WITHDRAW")
                .post("/consent/" + token)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Je toestemming is ingetrokken"));
        Instant baseline = oldText.appliedAt()
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .plusDays(28)
                .toInstant();
        assertThat(oldText.expiresAt(entityManager))
                .as("back to the no-consent period")
                .isEqualTo(baseline);
        given().contentType(ContentType.URLENC)
                .formParam("choice", "WITHDRAW")
                .post("/consent/" + token)
                .then()
                .statusCode(410);
    }

    /** As on a service that ran with the older text before this version was configured. */
    private void earlierVersionWasAnnounced(String version) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("insert into consent_text_announcement (version, started_at, finished_at)"
                                + " values (?1, now(), now()) on conflict do nothing")
                        .setParameter(1, version)
                        .executeUpdate());
    }
}
