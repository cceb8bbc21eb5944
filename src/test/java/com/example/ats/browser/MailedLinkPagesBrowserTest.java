package com.example.ats.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.mail.Mailpit;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two pages a mail links to where one button changes an application, in real Chromium: the page that confirms a
 * new address and the receipt's "this was not me" page. Each is checked by axe-core, and its button works from the
 * page itself (the browser says the form is its own; a form on another site would not be).
 */
@QuarkusTest
class MailedLinkPagesBrowserTest {

    private static final Pattern ADDRESS_LINK =
            Pattern.compile("https?://[^\\s\"<]+(/my-application/address/[A-Za-z0-9_-]+)");
    private static final Pattern NOT_ME_LINK =
            Pattern.compile("https?://[^\\s\"<]+(/not-me/[0-9a-f-]{36}/[A-Za-z0-9_-]+)");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aNewAddressIsConfirmedWithTheButtonOfItsPage() throws Exception {
        String old = address();
        String wanted = address();
        JsonPath receipt = Intake.applyWith(old);
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType("application/merge-patch+json")
                .body(Map.of("email", wanted))
                .patch("/api/v1/self/application")
                .then()
                .statusCode(200);
        String path = linkIn(ADDRESS_LINK, Mailpit.await(wanted, 1).getFirst());

        try (Browser browser = new Browser(true)) {
            browser.driver.get(url(path + "?lang=en"));
            assertThat(browser.find("#address-confirms").getText())
                    .contains(wanted.charAt(0) + "***@example.org")
                    .doesNotContain(wanted);
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, address page")
                    .isEmpty();
            browser.find("#confirm-address").click();
            browser.awaitText("h1", "Your e-mail address has been changed");
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, address confirmed")
                    .isEmpty();
        }
        assertThat(given().header("Applicant-Token", receipt.getString("accessToken"))
                        .get("/api/v1/self/application")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("applicant.email"))
                .isEqualTo(wanted);
    }

    @Test
    void theReceiptsNotMePageTakesTheAddressOutWithItsButton() throws Exception {
        String stranger = address();
        Intake.applyWith(stranger);
        String path = linkIn(NOT_ME_LINK, Mailpit.await(stranger, 1).getFirst());

        try (Browser browser = new Browser(true)) {
            browser.driver.get(url(path + "?lang=nl"));
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, not-me page")
                    .isEmpty();
            assertThat(browser.text()).doesNotContain(stranger);
            browser.find("#remove-address").click();
            browser.awaitText("h1", "Je e-mailadres is uit de sollicitatie gehaald");
            assertThat(browser.accessibilityViolations())
                    .as("axe-core, address removed")
                    .isEmpty();
        }
    }

    private static String address() {
        return "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String linkIn(Pattern link, Mailpit.Message mail) {
        Matcher found = link.matcher(mail.text());
        assertThat(found.find()).as("the link in: " + mail.text()).isTrue();
        return URI.create(found.group(1)).getPath();
    }

    private String url(String path) {
        return base.toString() + path.substring(1);
    }
}
