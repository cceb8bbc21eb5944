package com.example.ats.self;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same bad input gets the same refusal through every face of the applicant wing: the JSON API answers 422, the
 * portal shows its form again with the error next to the field (422); and through neither does anything stored
 * change (the details, the consent, the privacy register).
 */
@QuarkusTest
class BadInputOnEveryFaceTest {

    private static final String PATH = "/api/v1/self/application";

    @Inject
    EntityManager entityManager;

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");

    static Stream<Arguments> badInputs() {
        String bsn = "111222333"; // passes the eleven test
        return Stream.of(
                Arguments.of("objection", "reason", "Mijn BSN is " + bsn),
                Arguments.of("objection", "reason", "spaced " + bsn.substring(0, 4) + " " + bsn.substring(4)),
                Arguments.of("objection", "reason", "a bell \u0007 rings"),
                Arguments.of("objection", "reason", "x".repeat(2001)),
                Arguments.of("details", "lastName", "Jansen " + bsn),
                Arguments.of("details", "firstName", "An\u001bna"),
                Arguments.of("details", "lastName", "a".repeat(101)),
                Arguments.of("details", "email", "not-an-address"));
    }

    @ParameterizedTest(name = "{0}.{1} #{index}")
    @MethodSource("badInputs")
    void theApiAndThePortalRefuseItAlikeAndKeepWhatWasStored(String action, String field, String value) {
        JsonPath receipt = SelfServiceTest.apply();
        String before = stored(receipt);

        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType(action.equals("details") ? "application/merge-patch+json" : "application/json")
                .body(Map.of(field, value))
                .request(
                        action.equals("details") ? "PATCH" : "POST",
                        action.equals("details") ? PATH : PATH + "/objection")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(stored(receipt)).isEqualTo(before);

        String cookie = given().contentType(ContentType.URLENC)
                .formParam("token", receipt.getString("accessToken"))
                .redirects()
                .follow(false)
                .post("/my-application/login")
                .then()
                .statusCode(303)
                .extract()
                .cookie("ats_portal");
        Matcher form = FORM_TOKEN.matcher(
                given().cookie("ats_portal", cookie).get("/my-application").asString());
        assertThat(form.find()).isTrue();
        String page = given().cookie("ats_portal", cookie)
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("form", form.group(1))
                .formParam(field, value)
                .post("/my-application/" + action)
                .then()
                .statusCode(422)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(page).contains("id=\"" + field + "-error\"");
        assertThat(stored(receipt)).isEqualTo(before);
    }

    /** What is stored about the application: its details, its consent and deletion date, its objections. */
    private String stored(JsonPath receipt) {
        JsonPath view = given().header("Applicant-Token", receipt.getString("accessToken"))
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Object requests = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select count(*) from privacy_request_application where application_id = ?1")
                        .setParameter(1, UUID.fromString(receipt.getString("id")))
                        .getSingleResult());
        return view.getMap("applicant") + " " + view.getList("consentHistory") + " " + view.getString("expiresAt")
                + " privacy requests=" + requests;
    }
}
