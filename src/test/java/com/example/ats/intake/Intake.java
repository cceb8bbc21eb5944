package com.example.ats.intake;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds intake requests: a valid application form to change field by field, and the multipart around it. */
public final class Intake {

    public static final String PATH = "/api/v1/applications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Random RANDOM = new java.util.Random();

    private Intake() {}

    /** A complete, valid form (consent granted) as nested maps, to modify in a test. */
    public static Map<String, Object> form() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "Oudegracht");
        address.put("houseNumber", "12a");
        address.put("postalCode", "3511 AB");
        address.put("city", "Utrecht");
        address.put("country", "NL");
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("firstName", "Sanne");
        applicant.put("lastName", "de Vries");
        applicant.put("email", "sanne@example.org");
        applicant.put("phone", "+31 6 1234 5678");
        applicant.put("address", address);
        applicant.put("birthDate", "1995-04-17");
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("granted", true);
        consent.put("textVersion", "2026-01");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant);
        form.put("retentionConsent", consent);
        return form;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> applicant(Map<String, Object> form) {
        return (Map<String, Object>) form.get("applicant");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> consent(Map<String, Object> form) {
        return (Map<String, Object>) form.get("retentionConsent");
    }

    public static String json(Object form) {
        try {
            return JSON.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form as the `application` part. */
    public static RequestSpecification request(Object form) {
        return request(json(form));
    }

    public static RequestSpecification request(String formJson) {
        return given().multiPart(new MultiPartSpecBuilder(formJson)
                .controlName("application")
                .mimeType("application/json")
                .charset("UTF-8")
                .build());
    }

    /**
     * An address no other test uses, of letters only: a random UUID in an address can hold nine digits in a row that
     * pass the 11-test, and the intake rightly refuses a citizen service number anywhere in a field.
     */
    public static String uniqueAddress(String prefix) {
        StringBuilder letters = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 16; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.append("@example.org").toString();
    }

    /**
     * Applies with the valid form under {@code email}, from a client address of its own (the intake limit counts per
     * address), and answers the receipt (its {@code id} and {@code accessToken}).
     */
    public static io.restassured.path.json.JsonPath applyWith(String email) {
        Map<String, Object> form = form();
        applicant(form).put("email", email);
        return request(form)
                .header("X-Forwarded-For", "198.18." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254)))
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** A complete valid request: the form and a PDF CV. */
    public static RequestSpecification valid() {
        return request(form()).multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf");
    }
}
