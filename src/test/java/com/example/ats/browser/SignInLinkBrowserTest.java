package com.example.ats.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.mail.Mailpit;
import com.example.ats.shared.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in without the access code, in real Chromium with the real Mailpit: the applicant asks for a link by their
 * address, the link from the mail signs in once, a used or expired link signs in nobody, and asking for an address
 * that never applied looks exactly the same as asking for one that did.
 */
@QuarkusTest
class SignInLinkBrowserTest {

    private static final Pattern LINK = Pattern.compile("/my-application/link/([A-Za-z0-9_-]{20,})");

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aMailedLinkSignsInOnceAndExpiresAndAnUnknownAddressLooksTheSame() throws Exception {
        String email = "link-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> form = Intake.form();
        Intake.applicant(form).put("email", email);
        Intake.request(form)
                .queryParam("language", "en")
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201);
        Mailpit.await(email, 1); // the receipt

        try (Browser browser = new Browser(true)) {
            String known = askForALink(browser, email);
            assertThat(known)
                    .contains("If we hold an application under this address")
                    .contains("15 minutes");
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, link asked")
                    .isEmpty();
            String token = linkIn(Mailpit.await(email, 2).getLast());

            browser.driver.manage().deleteAllCookies();
            browser.driver.get(url("my-application/link/" + token + "?lang=en"));
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, link page")
                    .isEmpty();
            assertThat(browser.find("#link-opens").getText())
                    .contains(email.charAt(0) + "***@example.org")
                    .doesNotContain(email);
            browser.find("#open-link").click();
            browser.await("#delete-on");
            assertThat(browser.text()).contains(email);

            browser.driver.manage().deleteAllCookies();
            browser.driver.get(url("my-application/link/" + token + "?lang=en"));
            browser.awaitText(".notice", "used already or has expired"); // told before any click
            assertThat(browser.all("#open-link")).isEmpty();
            assertThat(browser.driver.manage().getCookieNamed("ats_portal")).isNull();

            askForALink(browser, email);
            String late = linkIn(Mailpit.await(email, 3).getLast());
            browser.driver.get(url("my-application/link/" + late + "?lang=en"));
            clock.travel(Duration.ofMinutes(16)); // the page was open too long: the click finds the link expired
            browser.find("#open-link").click();
            browser.awaitText(".notice", "used already or has expired");
            clock.reset();

            String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            assertThat(askForALink(browser, nobody)).isEqualTo(known);
            Thread.sleep(3_000); // the mail worker runs every second: nothing comes
            assertThat(Mailpit.to(nobody)).isEmpty();
        }
    }

    /** Asks for a link on the sign-in page; answers what the page then says. */
    private String askForALink(Browser browser, String email) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("my-application?lang=en"));
        browser.type("#link-email", email);
        browser.find("#send-link").click();
        browser.awaitText(".notice", "If we hold an application");
        return browser.find("main").getText();
    }

    private static String linkIn(Mailpit.Message mail) {
        assertThat(mail.subject()).isEqualTo("Your link to sign in");
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as("a sign-in link in: " + mail.text()).isTrue();
        assertThat(mail.html()).contains(link.group(1));
        return link.group(1);
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
