package com.example.ats.self;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The applicant's own door, with the access token from intake: see, download, change consent, erase. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class SelfServiceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final String PATH = "/api/v1/self/application";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    @Test
    void theApplicantSeesEverythingWeHoldAndWhatHappensWhen() {
        JsonPath receipt = apply();

        self(receipt)
                .header("Accept-Language", "en")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("id", equalTo(receipt.getString("id")))
                .body("applicant.email", equalTo("sanne@example.org"))
                .body("applicant.address.city", equalTo("Utrecht"))
                .body("documents", hasSize(2))
                .body("documents[0].scan.state", equalTo("CLEAN"))
                .body("documents[0].scan.database", org.hamcrest.Matchers.nullValue())
                .body("documents[0].scan.signature", org.hamcrest.Matchers.nullValue())
                .body("consentHistory[0].action", equalTo("GRANTED"))
                .body("consentHistory[0].channel", equalTo("WEB"))
                .body("expiresAt", equalTo(receipt.getString("expiresAt")))
                .body("whatHappens", containsString("we delete your application"));

        String cv = receipt.getString("documents.find { it.kind == 'CV' }.id");
        byte[] file = self(receipt)
                .get(PATH + "/documents/" + cv + "/content")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(file).isEqualTo(SampleFiles.pdf());
        String someoneElses = apply().getString("documents[0].id");
        self(receipt)
                .get(PATH + "/documents/" + someoneElses + "/content")
                .then()
                .statusCode(404);
    }

    @Test
    void theExportIsOneZipWithTheDataTheFilesAndAReadme() throws Exception {
        JsonPath receipt = apply();
        var response = self(receipt)
                .get(PATH + "/export")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(response.contentType()).isEqualTo("application/zip");

        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.asByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "README.txt",
                        "application.json",
                        "documents/cv-cv.pdf",
                        "documents/motivation_letter-letter.txt");
        JsonPath data =
                new JsonPath(new String(entries.get("application.json"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(data.getString("id")).isEqualTo(receipt.getString("id"));
        assertThat(data.getString("applicant.lastName")).isEqualTo("de Vries");
        assertThat(data.getList("consentHistory")).hasSize(1);
        for (String kind : List.of("CV", "MOTIVATION_LETTER")) {
            String stored = data.getString("documents.find { it.kind == '" + kind + "' }.sha256");
            String name = "documents/" + kind.toLowerCase() + "-"
                    + data.getString("documents.find { it.kind == '" + kind + "' }.fileName");
            assertThat(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(entries.get(name))))
                    .as(name)
                    .isEqualTo(stored);
        }
        assertThat(entries.get("documents/cv-cv.pdf")).isEqualTo(SampleFiles.pdf());
        assertThat(entries.get("documents/motivation_letter-letter.txt")).isEqualTo(SampleFiles.txt());
    }

    @Test
    void theApplicantCorrectsDetailsByMergePatchUnderTheIntakeRulesAndTheAuditNamesOnlyTheFields() {
        JsonPath receipt = apply();
        UUID id = UUID.fromString(receipt.getString("id"));

        String newAddress = Intake.uniqueAddress("sanne.devries"); // a link goes to it: 3 an hour
        self(receipt)
                .contentType("application/merge-patch+json")
                .body("{\"email\":\"" + newAddress + "\",\"address\":{\"city\":\"Amersfoort\"},\"phone\":null}")
                .patch(PATH)
                .then()
                .statusCode(200)
                .body("applicant.email", equalTo("sanne@example.org")) // until the new one is confirmed (ADR 0028)
                .body("emailToConfirm", equalTo(newAddress))
                .body("applicant.address.city", equalTo("Amersfoort"))
                .body("applicant.address.street", equalTo("Oudegracht"))
                .body("applicant.phone", org.hamcrest.Matchers.nullValue());
        assertThat(auditDetails(id, "RECTIFIED")).containsExactly("fields=address.city,phone");

        self(receipt)
                .contentType("application/merge-patch+json")
                .body("{\"lastName\":\"111222333\"}")
                .patch(PATH)
                .then()
                .statusCode(422)
                .body("errors[0].field", containsString("lastName"));
        self(receipt)
                .contentType("application/merge-patch+json")
                .body("{\"nationalId\":\"x\"}")
                .patch(PATH)
                .then()
                .statusCode(422);
        self(receipt)
                .contentType("application/merge-patch+json")
                .body("{\"email\":null}")
                .patch(PATH)
                .then()
                .statusCode(422);
        self(receipt).get(PATH).then().body("applicant.email", equalTo("sanne@example.org"));
    }

    @Test
    void aCorrectedBirthDateMeetsTheIntakeAgeRulesSoTheUnder16RuleCannotBeBypassed() {
        JsonPath receipt = apply();
        String fifteen = LocalDate.now(AMSTERDAM).minusYears(15).toString();
        for (String birthDate : List.of(
                fifteen, "1890-01-01", LocalDate.now(AMSTERDAM).plusDays(2).toString())) {
            self(receipt)
                    .contentType("application/merge-patch+json")
                    .body("{\"birthDate\":\"" + birthDate + "\"}")
                    .patch(PATH)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("birthDate"));
        }
        self(receipt).get(PATH).then().body("applicant.birthDate", equalTo("1995-04-17"));
    }

    @Test
    void theViewAndTheExportOfAnApplicantUnder16ShowTheGuardiansConsent() throws IOException {
        Map<String, Object> form = Intake.form();
        Intake.applicant(form)
                .put("birthDate", LocalDate.now(AMSTERDAM).minusYears(15).toString());
        form.put(
                "parentalConsent",
                Map.of("granted", true, "guardianName", "Petra de Vries", "guardianEmail", "petra@example.org"));
        JsonPath receipt = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        self(receipt)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("consentHistory.find { it.kind == 'PARENTAL' }.guardianName", equalTo("Petra de Vries"))
                .body("consentHistory.find { it.kind == 'PARENTAL' }.guardianEmail", equalTo("petra@example.org"))
                .body("consentHistory.find { it.kind == 'RETENTION' }.textVersion", equalTo("2026-01"));

        byte[] archive = self(receipt)
                .get(PATH + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String json = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("application.json")) {
                    json = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(json).contains("petra@example.org").contains("Petra de Vries");

        // a correction that keeps the applicant under 16 is fine: the guardian's consent is on record
        self(receipt)
                .contentType("application/merge-patch+json")
                .body("{\"birthDate\":\"" + LocalDate.now(AMSTERDAM).minusYears(14) + "\"}")
                .patch(PATH)
                .then()
                .statusCode(200);
    }

    @Test
    void theApplicantReadsPeriodsAndDatesInWordsInDutchOrEnglish() {
        JsonPath receipt = apply();
        String expiresAt = receipt.getString("expiresAt");
        java.time.ZonedDateTime day = Instant.parse(expiresAt).atZone(AMSTERDAM);

        String dutch = self(receipt).get(PATH).then().statusCode(200).extract().path("whatHappens");
        assertThat(dutch)
                .startsWith("Op " + day.getDayOfMonth() + " ")
                .contains("12 maanden")
                .contains("4 weken")
                .doesNotContainPattern("P\\d");

        String english = self(receipt)
                .header("Accept-Language", "en-GB,en;q=0.9")
                .get(PATH)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .extract()
                .path("whatHappens");
        assertThat(english)
                .startsWith("On " + day.getDayOfMonth() + " "
                        + day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                        + day.getYear())
                .contains("12 months")
                .contains("4 weeks")
                .doesNotContainPattern("P\\d");
    }

    @Test
    void anObjectionWithdrawsTheConsentAndReachesThePrivacyOfficer() {
        JsonPath receipt = apply();
        String id = receipt.getString("id");

        self(receipt)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "I no longer want my file kept"))
                .post(PATH + "/objection")
                .then()
                .statusCode(202)
                .body("lastAction", equalTo("WITHDRAWN"));

        JsonPath open = as("privacy-officer")
                .queryParam("status", "OPEN")
                .queryParam("limit", 100)
                .get("/api/v1/privacy-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> objections =
                open.getList("items.findAll { it.type == 'OBJECTION' && it.applicationIds.contains('" + id + "') }");
        assertThat(objections).hasSize(1);
        assertThat(objections.getFirst())
                .containsEntry("note", "I no longer want my file kept")
                .containsEntry("channel", "WEB");
    }

    @Test
    void anObjectionMadeWithATokenIsLinkedToThatApplicationOnlyNotToOthersWithTheSameAddress() {
        JsonPath other = apply(); // the same e-mail address, typed by someone else
        JsonPath receipt = apply();
        String id = receipt.getString("id");

        self(receipt)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "link only mine"))
                .post(PATH + "/objection")
                .then()
                .statusCode(202);

        List<Map<String, Object>> mine = as("privacy-officer")
                .queryParam("status", "OPEN")
                .queryParam("limit", 100)
                .get("/api/v1/privacy-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.note == 'link only mine' && it.applicationIds.contains('" + id + "') }");
        assertThat(mine)
                .singleElement()
                .satisfies(request -> assertThat(request.get("applicationIds"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactly(id)
                        .doesNotContain(other.getString("id")));
    }

    @Test
    void oneApplicantsTokenNeverReachesAnotherApplicationOnAnyRoute() throws Exception {
        JsonPath mine = apply();
        JsonPath theirs = apply();
        String theirId = theirs.getString("id");
        JsonPath before =
                self(theirs).get(PATH).then().statusCode(200).extract().jsonPath();

        self(mine).get(PATH).then().body("id", equalTo(mine.getString("id")));
        self(mine)
                .get(PATH + "/documents/" + theirs.getString("documents[0].id") + "/content")
                .then()
                .statusCode(404);
        byte[] zip = self(mine)
                .get(PATH + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("application.json")) {
                    assertThat(new String(entries.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains(mine.getString("id"))
                            .doesNotContain(theirId);
                }
            }
        }
        self(mine)
                .contentType("application/merge-patch+json")
                .body("{\"firstName\":\"Other\"}")
                .patch(PATH)
                .then()
                .statusCode(200);
        self(mine)
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false))
                .put(PATH + "/retention-consent")
                .then()
                .statusCode(200);
        self(mine)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(PATH + "/objection")
                .then()
                .statusCode(202);
        self(mine).delete(PATH).then().statusCode(204);

        JsonPath after = self(theirs).get(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("applicant.firstName")).isEqualTo(before.getString("applicant.firstName"));
        assertThat(after.getList("consentHistory")).isEqualTo(before.getList("consentHistory"));
        assertThat(after.getString("expiresAt")).isEqualTo(before.getString("expiresAt"));
        assertThat(objectKeys(UUID.fromString(theirId))).hasSize(2).allMatch(store::exists);
    }

    @Test
    void aWrongOrMissingTokenLooksTheSameAsAnUnknownApplication() {
        String wrong = given().header("Applicant-Token", "not-a-token")
                .get(PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        String missing = given().get(PATH).then().statusCode(401).extract().path("detail");
        assertThat(wrong).isEqualTo(missing);
        given().header("Authorization", "Bearer " + com.example.ats.shared.Api.userToken("recruiter"))
                .get(PATH)
                .then()
                .statusCode(401);
    }

    @Test
    void withdrawingIsAsEasyAsGivingAndMovesTheDeletionDate() {
        JsonPath receipt = apply();
        Instant appliedAt = Instant.parse(receipt.getString("appliedAt"));

        self(receipt)
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false))
                .put(PATH + "/retention-consent")
                .then()
                .statusCode(200)
                .body("lastAction", equalTo("WITHDRAWN"))
                .body("channel", equalTo("WEB"))
                .body(
                        "expiresAt",
                        equalTo(appliedAt
                                .atZone(ZoneId.of("Europe/Amsterdam"))
                                .plusDays(28)
                                .toInstant()
                                .toString()));
        self(receipt)
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "2026-01"))
                .put(PATH + "/retention-consent")
                .then()
                .statusCode(200)
                .body("granted", equalTo(true));
    }

    @Test
    void erasureRemovesFilesAndRowsAtOnceLeavesAPurgeRecordAndKillsTheToken() {
        JsonPath receipt = apply();
        UUID id = UUID.fromString(receipt.getString("id"));
        List<String> keys = objectKeys(id);
        assertThat(keys).hasSize(2).allMatch(store::exists);

        self(receipt).delete(PATH).then().statusCode(204);

        assertThat(keys).noneMatch(store::exists);
        assertThat(count("select count(*) from application where id = ?1", id)).isZero();
        assertThat(count("select count(*) from applicant where application_id = ?1", id))
                .isZero();
        assertThat(count(
                        "select count(*) from purge_record where application_id = ?1 and reason = 'ERASURE_REQUEST'"
                                + " and objects_removed = 2",
                        id))
                .isEqualTo(1);
        self(receipt).get(PATH).then().statusCode(401);
    }

    @Test
    void aLegalHoldStopsErasureAndNothingIsLost() {
        JsonPath receipt = apply();
        UUID id = UUID.fromString(receipt.getString("id"));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Court case 2026-7"))
                .put("/api/v1/applications/" + id + "/legal-hold")
                .then()
                .statusCode(200);

        self(receipt).delete(PATH).then().statusCode(409).contentType("application/problem+json");

        assertThat(objectKeys(id)).hasSize(2).allMatch(store::exists);
        self(receipt).get(PATH).then().statusCode(200);
    }

    static JsonPath apply() {
        return Intake.request(Intake.form())
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("motivationLetter", "letter.txt", SampleFiles.txt(), "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static RequestSpecification self(JsonPath receipt) {
        return given().header("Applicant-Token", receipt.getString("accessToken"));
    }

    @SuppressWarnings("unchecked")
    private List<String> objectKeys(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select object_key from document where application_id = ?1")
                        .setParameter(1, id)
                        .getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> auditDetails(UUID id, String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select detail from audit_event where application_id = ?1 and action = ?2")
                        .setParameter(1, id)
                        .setParameter(2, action)
                        .getResultList());
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(sql)
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }
}
