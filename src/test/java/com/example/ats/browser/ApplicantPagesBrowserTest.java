package com.example.ats.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.SampleFiles;
import com.example.ats.web.PlainWords;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Cookie;

/**
 * The applicant's side in real Chromium, with JavaScript on and off: applying (with consent, under 16 with a
 * guardian, refusing consent), the errors next to their fields, and the privacy portal (open with the token,
 * download the export, withdraw consent and see the new date, erase and see the token stop working). Every page is
 * checked by axe-core against WCAG 2.1 AA, in Dutch and in English.
 */
@QuarkusTest
class ApplicantPagesBrowserTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static Path cv;
    private static Path letter;
    private static Path tooLarge;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void files() throws Exception {
        Path folder = Files.createTempDirectory("ats-browser");
        cv = Files.write(folder.resolve("cv.pdf"), SampleFiles.pdf());
        letter = Files.write(folder.resolve("brief.txt"), SampleFiles.txt());
        tooLarge = folder.resolve("groot.pdf");
        byte[] big = new byte[12 * 1024 * 1024];
        byte[] pdf = SampleFiles.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        Files.write(tooLarge, big);
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void applyWithConsentThenOpenThePortalExportWithdrawAndErase(boolean javaScript) throws Exception {
        try (Browser browser = new Browser(javaScript)) {
            browser.driver.get(url("apply?lang=nl"));
            assertAccessible(browser, "apply form, Dutch");
            browser.screenshot("apply-page-nl");
            String email = fillIn(browser, "Sanne");
            browser.find("#cv").sendKeys(cv.toString());
            browser.find("#motivationLetter").sendKeys(letter.toString());
            assertThat(browser.find("#consent-yes").isSelected())
                    .as("not pre-selected")
                    .isFalse();
            assertThat(browser.find("#consent-no").isSelected())
                    .as("not pre-selected")
                    .isFalse();
            browser.find("#consent-yes").click();
            browser.find("#submit").click();

            String token = browser.await("#access-token").getText();
            assertThat(token).hasSizeGreaterThan(40);
            assertThat(browser.text()).contains("Bewaar hem nu");
            assertAccessible(browser, "receipt page, Dutch");
            browser.screenshot("apply-receipt-nl");

            browser.driver.get(url("my-application?lang=nl"));
            assertAccessible(browser, "portal sign-in, Dutch");
            browser.type("#token", token);
            browser.find("form[action='/my-application/login'] button").click();
            String deleteOn = browser.await("#delete-on").getText();
            LocalDate today = LocalDate.now(AMSTERDAM);
            assertThat(deleteOn)
                    .contains(PlainWords.date(
                            today.plusMonths(12).atStartOfDay(AMSTERDAM).toInstant(), AMSTERDAM, Locale.of("nl")));
            assertThat(browser.text()).contains(email).contains("cv.pdf");
            assertAccessible(browser, "portal, Dutch");
            browser.screenshot("portal-nl");

            Cookie session = browser.driver.manage().getCookieNamed("ats_portal");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");
            String exportHref = browser.find("#export").getAttribute("href");
            byte[] zip = given().cookie("ats_portal", session.getValue())
                    .get(exportHref)
                    .then()
                    .statusCode(200)
                    .contentType("application/zip")
                    .extract()
                    .asByteArray();
            assertThat(zip).hasSizeGreaterThan(100);
            assertThat(new String(zip, 0, 2)).isEqualTo("PK");

            String documentHref = browser.all("a[href*='/my-application/documents/']").stream()
                    .filter(link -> link.getText().equals("cv.pdf"))
                    .findFirst()
                    .orElseThrow()
                    .getAttribute("href");
            byte[] file = given().cookie("ats_portal", session.getValue())
                    .get(documentHref)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(file).isEqualTo(Files.readAllBytes(cv));

            browser.type("#lastName", "van Dijk");
            browser.type("#phone", "06 1234 5678");
            browser.find("#save-details").click();
            browser.awaitText("#notice", "bijgewerkt");
            assertThat(browser.text()).contains("van Dijk").contains("06 1234 5678");
            browser.type("#email", "geen-adres");
            browser.find("#save-details").click();
            assertThat(browser.await("#email-error").getText()).contains("geldig e-mailadres");
            assertThat(browser.text()).contains(email); // nothing was changed

            browser.find("#withdraw").click();
            browser.awaitText("#notice", "ingetrokken");
            assertThat(browser.find("#delete-on").getText())
                    .contains(PlainWords.date(
                            today.plusDays(28).atStartOfDay(AMSTERDAM).toInstant(), AMSTERDAM, Locale.of("nl")));

            browser.find("#erase").click(); // without the confirmation: nothing happens
            assertThat(browser.await("#erase-error").getText()).contains("Vink eerst aan");
            browser.find("#confirm-erase").click();
            browser.find("#erase").click();
            browser.awaitText("h1", "Alles is verwijderd");
            assertAccessible(browser, "erased, Dutch");

            browser.driver.get(url("my-application?lang=nl"));
            browser.type("#token", token);
            browser.find("form[action='/my-application/login'] button").click();
            assertThat(browser.await("#token-error").getText()).contains("kennen we niet");
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void anApplicantUnderSixteenAppliesWithAGuardianInEnglish(boolean javaScript) throws Exception {
        try (Browser browser = new Browser(javaScript)) {
            browser.driver.get(url("apply?lang=en"));
            assertAccessible(browser, "apply form, English");
            fillIn(browser, "Noor");
            LocalDate birth = LocalDate.now(AMSTERDAM).minusYears(14);
            // Chromium runs with --lang=en-US: a date field takes month, day, year
            browser.find("#birthDate")
                    .sendKeys(
                            String.format("%02d%02d%d", birth.getMonthValue(), birth.getDayOfMonth(), birth.getYear()));
            browser.find("#cv").sendKeys(cv.toString());
            browser.find("#consent-no").click();
            browser.find("#submit").click();
            assertThat(browser.await("#guardian-error").getText()).contains("younger than 16");
            assertAccessible(browser, "apply form with errors, English");

            browser.find("#cv").sendKeys(cv.toString()); // a browser never posts a file back
            browser.type("#guardianName", "Anna Jansen");
            browser.type("#guardianEmail", "anna.jansen@example.org");
            if (!browser.find("#guardianConsent").isSelected()) {
                browser.find("#guardianConsent").click();
            }
            browser.find("#submit").click();
            String token = browser.await("#access-token").getText();
            assertThat(token).hasSizeGreaterThan(40);
            assertThat(browser.text()).contains("Save it now");
            assertAccessible(browser, "receipt page, English");

            browser.driver.get(url("my-application?lang=en"));
            assertAccessible(browser, "portal sign-in, English");
            browser.type("#token", token);
            browser.find("form[action='/my-application/login'] button").click();
            browser.await("#delete-on");
            assertThat(browser.text())
                    .contains("Anna Jansen")
                    .contains("We delete everything on")
                    .contains(PlainWords.date(birth.atStartOfDay(AMSTERDAM).toInstant(), AMSTERDAM, Locale.ENGLISH));
            assertAccessible(browser, "portal, English");
            browser.find("#confirm-erase").click();
            browser.find("#erase").click();
            browser.awaitText("h1", "Everything has been deleted");
            assertAccessible(browser, "erased, English");
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void refusingConsentKeepsTheFileFourWeeksAndBadFieldsAreToldNextToThem(boolean javaScript) throws Exception {
        try (Browser browser = new Browser(javaScript)) {
            browser.driver.get(url("apply?lang=nl"));
            fillIn(browser, "Fenna");
            browser.type("#email", "geen-adres");
            browser.find("#cv").sendKeys(tooLarge.toString());
            if (javaScript) {
                assertThat(browser.find("#cv-info").getText()).contains("groter dan 10 MB");
                browser.find("#submit").click(); // the script keeps the file from being sent
                assertThat(browser.all("#email-error")).isEmpty();
                browser.find("#cv").sendKeys(cv.toString());
            }
            browser.find("#consent-no").click();
            browser.find("#submit").click();
            assertThat(browser.await("#email-error").getText()).contains("geldig e-mailadres");
            if (!javaScript) {
                assertThat(browser.find("#cv-error").getText()).contains("groter dan 10 MB");
            }
            assertThat(browser.find("#email").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#error-summary").getText()).contains("geldig e-mailadres");
            assertAccessible(browser, "apply form with errors, Dutch");

            browser.type("#email", "fenna." + letters() + "@example.org");
            browser.find("#cv").sendKeys(cv.toString());
            if (!browser.find("#consent-no").isSelected()) {
                browser.find("#consent-no").click();
            }
            browser.find("#submit").click();
            browser.await("#access-token");
            assertThat(browser.text())
                    .contains(PlainWords.date(
                            LocalDate.now(AMSTERDAM)
                                    .plusDays(28)
                                    .atStartOfDay(AMSTERDAM)
                                    .toInstant(),
                            AMSTERDAM,
                            Locale.of("nl")));
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true})
    void aClosedOrUnknownVacancyIsNotFoundAndThePageSaysSo(boolean javaScript) {
        try (Browser browser = new Browser(javaScript)) {
            browser.driver.get(url("apply/" + UUID.randomUUID() + "?lang=en"));
            assertThat(browser.find("h1").getText()).contains("does not exist");
            assertAccessible(browser, "vacancy not found, English");
            browser.driver.get(url("apply/not-a-vacancy?lang=nl"));
            assertThat(browser.find("h1").getText()).contains("bestaat niet");
            assertAccessible(browser, "vacancy not found, Dutch");
            given().get(url("apply/" + UUID.randomUUID())).then().statusCode(404);
        }
    }

    private String fillIn(Browser browser, String firstName) {
        String email = firstName.toLowerCase(Locale.ROOT) + "." + letters() + "@example.org";
        browser.type("#firstName", firstName);
        browser.type("#lastName", "de Vries");
        browser.type("#email", email);
        return email;
    }

    /**
     * axe-core needs the page's JavaScript to run; the pages are the same markup either way, so they are checked in
     * the runs with JavaScript on.
     */
    private static void assertAccessible(Browser browser, String page) {
        if (browser.javaScript) {
            assertThat(browser.accessibilityViolations())
                    .as("axe-core on the " + page)
                    .isEmpty();
        }
    }

    private String url(String path) {
        return base.toString() + path;
    }

    private static String letters() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }
}
