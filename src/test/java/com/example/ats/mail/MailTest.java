package com.example.ats.mail;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The receipt after intake, through the real Mailpit: once per application, in the applicant's language, with the
 * deletion date in words, the files by name and size, and never the access token; the privacy officer sees that it
 * was sent (no address, no body); erasure takes the mail log with it.
 */
@QuarkusTest
class MailTest {

    @Test
    void theReceiptArrivesOnceInDutchByDefaultWithItsDatesInWords() throws Exception {
        Applying applying = Applying.unique();
        JsonPath receipt = applying.apply(request -> request);

        List<Mailpit.Message> mails = Mailpit.await(applying.email, 1);
        assertThat(mails).hasSize(1);
        Mailpit.Message mail = mails.getFirst();
        assertThat(mail.subject()).isEqualTo("We hebben je sollicitatie ontvangen");
        assertThat(mail.text())
                .contains("Beste " + applying.firstName)
                .contains("cv (PDF, ")
                .doesNotContain("cv.pdf")
                .containsPattern("ontvangen op \\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus"
                        + "|september|oktober|november|december) \\d{4}")
                .contains("12 maanden")
                .doesNotContain("P28D")
                .doesNotContain(receipt.getString("accessToken"));
        assertThat(mail.html()).contains("<li>cv (PDF, ").doesNotContain(receipt.getString("accessToken"));
    }

    @Test
    void theReceiptIsInEnglishWhenTheApplicantAsksForIt() throws Exception {
        Applying byHeader = Applying.unique();
        byHeader.apply(request -> request.header("Accept-Language", "en-GB,en;q=0.9"));
        Applying byParameter = Applying.unique();
        byParameter.apply(request -> request.header("Accept-Language", "nl").queryParam("language", "en"));

        for (Applying applying : List.of(byHeader, byParameter)) {
            Mailpit.Message mail = Mailpit.await(applying.email, 1).getFirst();
            assertThat(mail.subject()).isEqualTo("We have received your application");
            assertThat(mail.text())
                    .containsPattern("on \\d{1,2} (January|February|March|April|May|June|July|August|September"
                            + "|October|November|December) \\d{4}")
                    .contains("12 months");
        }
    }

    @Test
    void thePrivacyOfficerSeesWhichMailsWentAndErasureTakesTheLogAlong() throws Exception {
        Applying applying = Applying.unique();
        UUID id = UUID.fromString(applying.apply(request -> request).getString("id"));
        Mailpit.await(applying.email, 1);

        String log = as("privacy-officer")
                .get("/api/v1/applications/" + id + "/mails")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath entries = JsonPath.from(log);
        assertThat(entries.getString("items[0].kind")).isEqualTo("RECEIPT");
        assertThat(entries.getString("items[0].state")).isEqualTo("SENT");
        assertThat(entries.getString("items[0].sentAt")).isNotNull();
        assertThat(log).doesNotContain(applying.email).doesNotContain(applying.firstName);
        as("recruiter").get("/api/v1/applications/" + id + "/mails").then().statusCode(403);

        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + id)
                .then()
                .statusCode(204);
        as("privacy-officer")
                .get("/api/v1/applications/" + id + "/mails")
                .then()
                .statusCode(404);
    }

    @Test
    void aPrivacyRequestIsAcknowledgedWithItsDueDateAndItsOutcomeIsToldOnce() throws Exception {
        String email = Applying.unique().email();
        String id = as("privacy-officer")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "email",
                        email,
                        "receivedAt",
                        java.time.Instant.now().minusSeconds(60).toString(),
                        "channel",
                        "EMAIL"))
                .post("/api/v1/privacy-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Mailpit.Message acknowledged = Mailpit.await(email, 1).getFirst();
        assertThat(acknowledged.subject()).isEqualTo("We hebben je privacyverzoek ontvangen");
        assertThat(acknowledged.text())
                .contains("inzage in je gegevens")
                .containsPattern("uiterlijk op \\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus"
                        + "|september|oktober|november|december) \\d{4}");

        as("privacy-officer")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("outcome", "Export sent", "outcomeCode", "FULFILLED"))
                .post("/api/v1/privacy-requests/" + id + "/close")
                .then()
                .statusCode(200);
        List<Mailpit.Message> mails = Mailpit.await(email, 2);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject()).isEqualTo("Je privacyverzoek is afgehandeld");
        assertThat(mails.get(1).text())
                .contains("We hebben je verzoek uitgevoerd.")
                .doesNotContain("Export sent");
    }

    @Test
    void requestMailsAreInTheLanguageAskedForOrThatOfTheRequestersApplication() throws Exception {
        String asked = Applying.unique().email();
        register(asked, "en");
        assertThat(Mailpit.await(asked, 1).getFirst().subject()).isEqualTo("We have received your privacy request");

        Applying applying = Applying.unique();
        applying.apply(request -> request.queryParam("language", "en"));
        register(applying.email(), null);
        List<Mailpit.Message> mails = Mailpit.await(applying.email(), 2);
        assertThat(mails.get(1).subject()).isEqualTo("We have received your privacy request");
        assertThat(mails.get(1).text())
                .contains("access to your data")
                .containsPattern("by \\d{1,2} (January|February|March|April|May|June|July|August|September"
                        + "|October|November|December) \\d{4}");

        as("privacy-officer")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "email",
                        Applying.unique().email(),
                        "receivedAt",
                        java.time.Instant.now().minusSeconds(60).toString(),
                        "channel",
                        "EMAIL",
                        "language",
                        "de"))
                .post("/api/v1/privacy-requests")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    private static void register(String email, String language) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "type",
                "ACCESS",
                "email",
                email,
                "receivedAt",
                java.time.Instant.now().minusSeconds(60).toString(),
                "channel",
                "EMAIL"));
        if (language != null) {
            body.put("language", language);
        }
        as("privacy-officer")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(body)
                .post("/api/v1/privacy-requests")
                .then()
                .statusCode(201);
    }

    /** An applicant with letters-only details unique to one test (digits could pass the BSN check). */
    record Applying(String firstName, String email) {

        static Applying unique() {
            String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            return new Applying("Noor" + letters, "noor." + letters + "@example.org");
        }

        JsonPath apply(UnaryOperator<RequestSpecification> extra) {
            Map<String, Object> form = Intake.form();
            Map<String, Object> details = Intake.applicant(form);
            details.put("firstName", firstName);
            details.put("email", email);
            return extra.apply(Intake.request(form))
                    .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                    .post(Intake.PATH)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
        }
    }
}
