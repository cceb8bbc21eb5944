package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.example.ats.application.AccessTokens;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.encryption.StoredFile;
import com.example.ats.encryption.StoredFiles;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Intake of valid applications against the real PostgreSQL and MinIO: what is stored, and what the answer says. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class IntakeResourceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    @Inject
    StoredFiles files;

    @Inject
    ConsentTexts consentTexts;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void storesAnApplicationWithConsentForTwelveMonths() throws Exception {
        byte[] cv = SampleFiles.pdf();
        byte[] letter = SampleFiles.txt();

        JsonPath answer = Intake.request(Intake.form())
                .multiPart("cv", "Sanne CV.pdf", cv, "application/pdf")
                .multiPart("motivationLetter", "brief.txt", letter, "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/applications/[0-9a-f-]{36}"))
                .header("RateLimit-Limit", notNullValue())
                .body("status", equalTo("RECEIVED"))
                .body("retentionConsentGranted", equalTo(true))
                .body("documents", hasSize(2))
                .body("documents[0].kind", equalTo("CV"))
                .body("documents[0].fileName", equalTo("Sanne CV.pdf"))
                .body("documents[0].mediaType", equalTo("application/pdf"))
                .body("documents[0].size", equalTo(cv.length))
                .body("documents[0].sha256", equalTo(sha256(cv)))
                .body("documents[1].kind", equalTo("MOTIVATION_LETTER"))
                .body("documents[1].mediaType", equalTo("text/plain"))
                .body("accessToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract()
                .jsonPath();

        UUID id = UUID.fromString(answer.getString("id"));
        Instant appliedAt = Instant.parse(answer.getString("appliedAt"));
        Instant expiresAt = Instant.parse(answer.getString("expiresAt"));
        assertThat(expiresAt)
                .isEqualTo(appliedAt.atZone(AMSTERDAM).plusMonths(12).toInstant());

        Map<String, Object> row = row(
                "select a.status, a.policy_version, a.access_token_hash, p.email, p.city, p.birth_date"
                        + " from application a join applicant p on p.application_id = a.id where a.id = ?1",
                id);
        assertThat(row.get("email")).isEqualTo("sanne@example.org");
        assertThat(row.get("city")).isEqualTo("Utrecht");
        assertThat(row.get("policy_version")).asString().contains("with=P12M");
        assertThat((byte[]) row.get("access_token_hash")).isEqualTo(AccessTokens.hash(answer.getString("accessToken")));

        List<Object[]> consent = rows(
                "select kind, action, channel, text_version, text_sha256 from consent_event where application_id = ?1",
                id);
        assertThat(consent).hasSize(1);
        assertThat(consent.get(0))
                .containsExactly(
                        "RETENTION",
                        "GRANTED",
                        "WEB",
                        "2026-01",
                        consentTexts.sha256Of("2026-01").orElseThrow());
        assertThat(rows("select from_status, to_status, changed_by from status_change where application_id = ?1", id))
                .singleElement()
                .satisfies(change -> assertThat(change).containsExactly(null, "RECEIVED", "applicant"));

        String key = (String) row("select object_key from document where application_id = ?1 and kind = 'CV'", id)
                .get("object_key");
        assertThat(key).isEqualTo("applications/" + id + "/" + answer.getString("documents[0].id"));
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).as("the store holds ciphertext").isNotEqualTo(cv);
        }
        UUID documentId = UUID.fromString(answer.getString("documents[0].id"));
        try (InputStream in = files.open(new StoredFile(id, documentId, key, true))) {
            assertThat(in.readAllBytes()).isEqualTo(cv);
        }
    }

    @Test
    void keepsAnApplicationWithoutConsentForFourWeeksAndRecordsTheRefusal() {
        Map<String, Object> form = Intake.form();
        Intake.consent(form).put("granted", false);
        Intake.consent(form).remove("textVersion");

        JsonPath answer = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("retentionConsentGranted", equalTo(false))
                .extract()
                .jsonPath();

        Instant appliedAt = Instant.parse(answer.getString("appliedAt"));
        assertThat(Instant.parse(answer.getString("expiresAt")))
                .isEqualTo(appliedAt.atZone(AMSTERDAM).plusDays(28).toInstant());
        assertThat(rows(
                        "select action, text_version from consent_event where application_id = ?1",
                        UUID.fromString(answer.getString("id"))))
                .singleElement()
                .satisfies(event -> assertThat(event).containsExactly("REFUSED", null));
    }

    static List<Arguments> formats() {
        return List.of(
                Arguments.of(SampleFiles.pdf(), "application/pdf"),
                Arguments.of(
                        SampleFiles.docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Arguments.of(SampleFiles.doc(), "application/msword"),
                Arguments.of(SampleFiles.odt(), "application/vnd.oasis.opendocument.text"),
                Arguments.of(SampleFiles.rtf(), "application/rtf"),
                Arguments.of(SampleFiles.txt(), "text/plain"));
    }

    /** The declared type and the name say "binary": only the bytes count. */
    @ParameterizedTest
    @MethodSource("formats")
    void tellsTheFormatFromTheBytes(byte[] content, String mediaType) {
        Intake.request(Intake.form())
                .multiPart("cv", "upload.bin", content, "application/octet-stream")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("documents[0].mediaType", equalTo(mediaType));
    }

    @Test
    void aFileIsNamedForWhatItIsNotForWhatItsNameClaims() {
        Intake.request(Intake.form())
                .multiPart("cv", "CV.js", SampleFiles.txt(), "application/javascript")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("documents[0].fileName", equalTo("CV.js.txt"))
                .body("documents[0].mediaType", equalTo("text/plain"));
    }

    @Test
    void keepsTheOriginalNameSanitisedAndNeverInTheKey() {
        String id = Intake.request(Intake.form())
                .multiPart("cv", "../../etc/My CV <final>|v2.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("documents[0].fileName", equalTo("My CV _final__v2.pdf"))
                .extract()
                .path("id");

        String key = (String) row("select object_key from document where application_id = ?1", UUID.fromString(id))
                .get("object_key");
        assertThat(key).matches("applications/" + id + "/[0-9a-f-]{36}");
    }

    @Test
    void takesAnApplicantUnderSixteenWithParentalConsent() {
        Map<String, Object> form = Intake.form();
        Intake.applicant(form)
                .put("birthDate", LocalDate.now(AMSTERDAM).minusYears(15).toString());
        form.put(
                "parentalConsent",
                Map.of("granted", true, "guardianName", "Petra de Vries", "guardianEmail", "petra@example.org"));

        String id = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(rows(
                        "select action, channel, guardian_name from consent_event where application_id = ?1 and kind = 'PARENTAL'",
                        UUID.fromString(id)))
                .singleElement()
                .satisfies(event -> assertThat(event).containsExactly("GRANTED", "WEB", "Petra de Vries"));
    }

    @Test
    void acceptsSixteenOnTheDayItself() {
        Map<String, Object> form = Intake.form();
        Intake.applicant(form)
                .put("birthDate", LocalDate.now(AMSTERDAM).minusYears(16).toString());

        Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201);
    }

    @Test
    void acceptsAnOpenApplicationAndOneForAnOpenVacancy() {
        UUID vacancy = Vacancies.open(entityManager);
        Map<String, Object> form = Intake.form();
        form.put("vacancyId", vacancy.toString());

        Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("vacancyId", equalTo(vacancy.toString()));
        Intake.valid().post(Intake.PATH).then().statusCode(201).body("vacancyId", nullValue());
    }

    @Test
    void doesNotMistakeAPhoneNumberOrOtherDigitsForABsn() {
        Map<String, Object> form = Intake.form();
        Intake.applicant(form).put("phone", "0612345678");
        Intake.applicant(form).put("lastName", "Postbus 111222334"); // nine digits failing the 11-test

        Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201);
    }

    private Map<String, Object> row(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<jakarta.persistence.Tuple> result = entityManager
                    .createNativeQuery(sql, jakarta.persistence.Tuple.class)
                    .setParameter(1, id)
                    .getResultList();
            assertThat(result).hasSize(1);
            Map<String, Object> values = new java.util.HashMap<>();
            result.get(0)
                    .getElements()
                    .forEach(e -> values.put(e.getAlias(), result.get(0).get(e)));
            return values;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager.createNativeQuery(sql).setParameter(1, id).getResultList().stream()
                        .map(r -> r instanceof Object[] a ? a : new Object[] {r})
                        .toList());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
