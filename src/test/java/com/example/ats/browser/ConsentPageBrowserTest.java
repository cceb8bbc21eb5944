package com.example.ats.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.consentmail.ConsentApplicant;
import com.example.ats.consentmail.ConsentMailProfile;
import com.example.ats.consentmail.RenewalAsker;
import com.example.ats.shared.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The page a renewal mail links to, in real Chromium: accessible in Dutch and English (axe-core), and choosing in
 * it renews once, by keyboard-reachable controls.
 */
@QuarkusTest
@TestProfile(ConsentMailProfile.class)
class ConsentPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RenewalAsker renewals;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theRenewalPageIsAccessibleInBothLanguagesAndRenewsOnce() throws Exception {
        ConsentApplicant applicant = ConsentApplicant.apply("2026-01", "nl");
        clock.travelTo(applicant.expiresAt(entityManager).minus(Duration.ofDays(5)));
        renewals.askDue();
        String token = ConsentApplicant.token(
                applicant.awaitMail("Mogen we je sollicitatie langer bewaren?").getFirst());

        try (Browser browser = new Browser(true)) {
            browser.driver.get(base + "consent/" + token + "?lang=en");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, English")
                    .isEmpty();
            browser.driver.get(base + "consent/" + token);
            assertThat(browser.accessibilityViolations()).as("axe-core, Dutch").isEmpty();

            browser.find("button[type=submit]").click(); // nothing chosen: nothing recorded
            browser.awaitText("h1", "langer bewaren");
            assertThat(applicant.expiresAt(entityManager))
                    .isBefore(clock.instant().plus(Duration.ofDays(6)));

            browser.find("#choice-renew").click();
            browser.find("button[type=submit]").click();
            browser.awaitText("h1", "Dank je wel");
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, answered")
                    .isEmpty();
            assertThat(applicant.expiresAt(entityManager))
                    .isAfter(clock.instant().plus(Duration.ofDays(300)));
        }
    }
}
