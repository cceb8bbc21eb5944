package com.example.ats.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.mail.Mailpit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The limits and the lifetime of mailed sign-in links: one address gets at most three links an hour whoever asks
 * (the rest are dropped, the answer unchanged), one client may ask ten times an hour, a post from another site is
 * refused, and erasing the application takes its links along.
 */
@QuarkusTest
class SignInLinkTest {

    @Inject
    EntityManager entityManager;

    @Test
    void oneAddressGetsAtMostThreeLinksAnHourWhoeverAsks() throws Exception {
        String email = apply().getString("email");
        Mailpit.await(email, 1);
        for (int client = 1; client <= 5; client++) {
            ask(email, "198.51.100." + (120 + client)).then().statusCode(200);
        }
        assertThat(Mailpit.await(email, 4)).hasSize(4); // the receipt and three links
    }

    @Test
    void oneClientMayAskTenTimesAnHour() {
        for (int i = 0; i < 10; i++) {
            ask("someone-" + i + "@example.org", "198.51.100.140").then().statusCode(200);
        }
        ask("someone-else@example.org", "198.51.100.140").then().statusCode(429);
        ask("someone-else@example.org", "198.51.100.141").then().statusCode(200);
    }

    /** An IPv6 subscriber has a whole /64: every address in it is the same client. */
    @Test
    void oneIpv6SlashSixtyFourIsOneClient() {
        for (int i = 1; i <= 10; i++) {
            ask("someone-" + i + "@example.org", "2001:db8:5:6::" + Integer.toHexString(i))
                    .then()
                    .statusCode(200);
        }
        ask("someone-else@example.org", "2001:db8:5:6:ffff::1").then().statusCode(429);
        ask("someone-else@example.org", "2001:db8:5:7::1").then().statusCode(200);
    }

    @Test
    void aRequestFromAnotherSiteIsRefused() {
        given().contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("email", "someone@example.org")
                .post("/my-application/link")
                .then()
                .statusCode(403);
    }

    @Test
    void erasureTakesTheLinksAlong() throws Exception {
        JsonPath receipt = apply();
        ask(receipt.getString("email"), "198.51.100.150").then().statusCode(200);
        UUID id = UUID.fromString(receipt.getString("id"));
        long deadline = System.nanoTime() + 10_000_000_000L; // the links are made after the answer
        while (links(id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(links(id)).isEqualTo(1);
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .delete("/api/v1/self/application")
                .then()
                .statusCode(204);
        assertThat(links(id)).isZero();
    }

    private static io.restassured.response.Response ask(String email, String client) {
        return given().contentType(ContentType.URLENC)
                .header("X-Forwarded-For", client)
                .formParam("email", email)
                .formParam("lang", "en")
                .post("/my-application/link");
    }

    private static JsonPath apply() {
        String email = "links-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> form = Intake.form();
        Intake.applicant(form).put("email", email);
        JsonPath receipt = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new JsonPath("{\"id\":\"" + receipt.getString("id") + "\",\"accessToken\":\""
                + receipt.getString("accessToken") + "\",\"email\":\"" + email + "\"}");
    }

    private long links(UUID applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from sign_in_link where application_id = ?1")
                                .setParameter(1, applicationId)
                                .getSingleResult())
                        .longValue());
    }
}
