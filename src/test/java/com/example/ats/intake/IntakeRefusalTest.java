package com.example.ats.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad intake gets problem+json with the right status, type and field, and leaves the database and the
 * object store exactly as they were.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class IntakeRefusalTest {

    private static final long MIB = 1024 * 1024;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    private ValidatableResponse refused(RequestSpecification request, int status, String type) {
        StoredState before = StoredState.of(entityManager, store);
        ValidatableResponse response = request.post(Intake.PATH)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:" + type))
                .body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
        return response;
    }

    private void invalidField(RequestSpecification request, String field) {
        refused(request, 422, "validation-failed").body("errors.field", hasItem(field));
    }

    private static RequestSpecification withForm(Consumer<Map<String, Object>> change) {
        Map<String, Object> form = Intake.form();
        change.accept(form);
        return Intake.request(form).multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf");
    }

    // ------------------------------------------------------------------ the request's shape

    @Test
    void refusesABodyThatIsNotMultipart() {
        refused(given().contentType("application/json").body("{}"), 415, "unsupported-media-type");
    }

    @Test
    void refusesMalformedMultipart() {
        refused(
                given().contentType("multipart/form-data; boundary=abc")
                        .body(
                                "--abc\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n\r\n%PDF-1.4 trunc"
                                        .getBytes(StandardCharsets.US_ASCII)),
                400,
                "malformed-request");
    }

    @Test
    void refusesAMultipartBodyWithoutAnyPartsAsAClientError() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("multipart/form-data; boundary=abc", "--abc--\r\n");
        bodies.put("multipart/form-data; boundary=abc ", "--abc--");
        bodies.put("multipart/form-data; boundary=xyz", "");
        bodies.put("multipart/form-data", "--abc--\r\n");
        bodies.put("multipart/form-data; boundary=", "\r\n");
        bodies.put("multipart/form-data; boundary=b1", "--b1\r\nnot a header line\r\n\r\nx\r\n--b1--\r\n");
        bodies.forEach((type, body) -> {
            StoredState before = StoredState.of(entityManager, store);
            int status = given().contentType(type)
                    .body(body.getBytes(StandardCharsets.US_ASCII))
                    .post(Intake.PATH)
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
            assertThat(status).as("answer to %s with %s", type, body).isIn(400, 415, 422);
            assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
        });
    }

    @Test
    void refusesMissingParts() {
        invalidField(Intake.request(Intake.form()), "cv");
        invalidField(given().multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf"), "application");
    }

    @Test
    void refusesUnknownAndRepeatedParts() {
        invalidField(Intake.valid().multiPart("photo", "me.png", SampleFiles.png(), "image/png"), "photo");
        invalidField(Intake.valid().multiPart("cv", "cv2.pdf", SampleFiles.pdf(), "application/pdf"), "cv");
    }

    @Test
    void refusesACvSentAsTextInsteadOfAFile() {
        invalidField(
                Intake.request(Intake.form())
                        .multiPart(new MultiPartSpecBuilder("my cv as text")
                                .controlName("cv")
                                .build()),
                "cv");
    }

    @Test
    void refusesAnApplicationPartThatIsNotJson() {
        refused(
                Intake.request("{not json").multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf"),
                400,
                "malformed-request");
    }

    @Test
    void refusesAMalformedIdempotencyKey() {
        invalidField(Intake.valid().header("Idempotency-Key", "x".repeat(201)), "Idempotency-Key");
    }

    // ------------------------------------------------------------------ the application's fields

    @Test
    void refusesUnknownFieldsInsteadOfIgnoringThem() {
        invalidField(withForm(form -> form.put("bsn", "111222333")), "bsn");
        invalidField(withForm(form -> Intake.applicant(form).put("nationalId", "X")), "applicant.nationalId");
    }

    @Test
    void refusesAMissingOrInvalidEmail() {
        invalidField(withForm(form -> Intake.applicant(form).remove("email")), "applicant.email");
        invalidField(withForm(form -> Intake.applicant(form).put("email", "sanne-at-example")), "applicant.email");
    }

    @Test
    void refusesAnUnansweredRetentionConsent() {
        invalidField(withForm(form -> Intake.consent(form).remove("granted")), "retentionConsent.granted");
        invalidField(withForm(form -> form.remove("retentionConsent")), "retentionConsent");
        invalidField(withForm(form -> Intake.consent(form).put("granted", "yes")), "retentionConsent.granted");
    }

    @Test
    void refusesAGrantWithoutTheConsentTextVersion() {
        invalidField(withForm(form -> Intake.consent(form).remove("textVersion")), "retentionConsent.textVersion");
    }

    static List<Arguments> badBirthDates() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return List.of(
                Arguments.of(today.plusDays(2).toString()),
                Arguments.of("1850-01-01"),
                Arguments.of("17-04-1995"),
                Arguments.of("1995-02-30"));
    }

    @ParameterizedTest
    @MethodSource("badBirthDates")
    void refusesFutureAbsurdAndMalformedBirthDates(String birthDate) {
        invalidField(withForm(form -> Intake.applicant(form).put("birthDate", birthDate)), "applicant.birthDate");
    }

    @Test
    void refusesAnApplicantUnderSixteenWithoutParentalConsent() {
        String fifteen = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
                .minusYears(16)
                .plusDays(1)
                .toString();
        refused(withForm(form -> Intake.applicant(form).put("birthDate", fifteen)), 422, "validation-failed")
                .body("errors[0].field", equalTo("parentalConsent"))
                .body("errors[0].message", containsString("younger than 16"));
        invalidField(
                withForm(form -> {
                    Intake.applicant(form).put("birthDate", fifteen);
                    form.put(
                            "parentalConsent",
                            Map.of("granted", false, "guardianName", "P. de Vries", "guardianEmail", "p@example.org"));
                }),
                "parentalConsent.granted");
    }

    @Test
    void refusesAGrantOfAConsentTextVersionTheServiceDoesNotKnow() {
        invalidField(
                withForm(form -> Intake.consent(form).put("textVersion", "career-site-2025-draft")),
                "retentionConsent.textVersion");
    }

    @Test
    void refusesParentalConsentDetailsForAnAdult() {
        invalidField(
                withForm(form -> form.put(
                        "parentalConsent",
                        Map.of("granted", true, "guardianName", "P. de Vries", "guardianEmail", "p@example.org"))),
                "parentalConsent");
    }

    @Test
    void refusesAnUnknownClosedOrMalformedVacancy() {
        invalidField(withForm(form -> form.put("vacancyId", UUID.randomUUID().toString())), "vacancyId");
        UUID closed = Vacancies.closed(entityManager);
        invalidField(withForm(form -> form.put("vacancyId", closed.toString())), "vacancyId");
        invalidField(withForm(form -> form.put("vacancyId", "vacancy-7")), "vacancyId");
    }

    @Test
    void refusesOversizedTextFields() {
        invalidField(withForm(form -> Intake.applicant(form).put("firstName", "S".repeat(101))), "applicant.firstName");
        invalidField(
                withForm(form ->
                        ((Map<String, Object>) Intake.applicant(form).get("address")).put("city", "U".repeat(101))),
                "applicant.address.city");
    }

    @Test
    void refusesControlCharacters() {
        invalidField(withForm(form -> Intake.applicant(form).put("lastName", "de\u0000Vries")), "applicant.lastName");
        invalidField(withForm(form -> Intake.applicant(form).put("firstName", "San\nne")), "applicant.firstName");
        invalidField(withForm(form -> Intake.applicant(form).put("gender", "f\u202Eemale")), "applicant.gender");
    }

    @Test
    void refusesACitizenServiceNumberInAnyFreeTextField() {
        invalidField(
                withForm(form -> Intake.applicant(form).put("lastName", "de Vries 111222333")), "applicant.lastName");
        invalidField(
                withForm(form ->
                        ((Map<String, Object>) Intake.applicant(form).get("address")).put("street", "BSN 1112.22.333")),
                "applicant.address.street");
        invalidField(withForm(form -> Intake.applicant(form).put("phone", "111222333")), "applicant.phone");
    }

    // ------------------------------------------------------------------ the files

    static List<Arguments> impostors() {
        return List.of(
                Arguments.of("a Windows program", SampleFiles.exe()),
                Arguments.of("a Linux program", SampleFiles.elf()),
                Arguments.of("a web page", SampleFiles.html()),
                Arguments.of("an image", SampleFiles.png()),
                Arguments.of("a plain ZIP archive", SampleFiles.plainZip()),
                Arguments.of("a Word document with macros", SampleFiles.docm()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impostors")
    void refusesFilesThatAreNotDocumentsWhateverTheirNameSays(String what, byte[] content) {
        refused(
                        Intake.request(Intake.form()).multiPart("cv", "cv.pdf", content, "application/pdf"),
                        415,
                        "unsupported-media-type")
                .body("errors.field", hasItem("cv"));
        refused(
                        Intake.valid().multiPart("motivationLetter", "letter.docx", content, "application/pdf"),
                        415,
                        "unsupported-media-type")
                .body("errors.field", hasItem("motivationLetter"));
    }

    @Test
    void refusesAnEmptyFile() {
        invalidField(Intake.request(Intake.form()).multiPart("cv", "cv.pdf", new byte[0], "application/pdf"), "cv");
    }

    @Test
    void refusesAFileOverTheLimit() {
        Path tooLarge = SampleFiles.text(10 * MIB + 1);
        refused(
                        Intake.request(Intake.form()).multiPart("cv", tooLarge.toFile(), "text/plain"),
                        413,
                        "payload-too-large")
                .body("errors.field", hasItem("cv"));
    }

    /**
     * The server refuses by the announced length before reading the body. The client asks first (Expect:
     * 100-continue, as curl does for large bodies) so it can read the answer instead of writing into a closed socket.
     */
    @Test
    void refusesARequestOverTheTotalLimit() throws Exception {
        StoredState before = StoredState.of(entityManager, store);
        Path large = SampleFiles.text(11 * MIB);
        String boundary = "ats-test-boundary";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"application\"\r\nContent-Type: application/json\r\n\r\n"
                        + Intake.json(Intake.form()) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"cv\"; filename=\"cv.txt\"\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(large),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"motivationLetter\"; filename=\"letter.txt\"\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(large),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + Intake.PATH))
                .expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body)
                .build();

        HttpResponse<String> response;
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:ats:problem:payload-too-large");
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
    }
}
