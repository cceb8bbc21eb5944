package com.example.ats.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The portal's session as an attacker meets it: the token goes in a form body, never a URL; the session cookie is
 * HttpOnly and SameSite=Strict, and an altered or foreign cookie opens nothing; every change needs the session's
 * form token (a forged cross-site form has none), and without it nothing changes.
 */
@QuarkusTest
class PortalSessionTest {

    @Test
    void aChangeWithoutTheFormTokenOrWithAnAlteredCookieChangesNothing() {
        String token = Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("accessToken");

        Response login = given().contentType(ContentType.URLENC)
                .formParam("token", token)
                .redirects()
                .follow(false)
                .post("/my-application/login");
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/my-application");
        assertThat(setCookie).doesNotContain(token).doesNotContainIgnoringCase("Max-Age");
        String cookie = login.cookie("ats_portal");

        String page = given().cookie("ats_portal", cookie)
                .get("/my-application")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("name=\"form\"").doesNotContain(token);

        // a forged form: the cookie comes along (as it would without SameSite) but the form token is missing or wrong
        for (String formToken : new String[] {null, "x", cookie}) {
            var request = given().cookie("ats_portal", cookie)
                    .contentType(ContentType.URLENC)
                    .formParam("confirm", "yes");
            if (formToken != null) {
                request.formParam("form", formToken);
            }
            request.post("/my-application/erase").then().statusCode(403);
        }
        given().cookie("ats_portal", cookie).get("/my-application").then().statusCode(200);

        String altered = cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("A") ? "BB" : "AA");
        assertThat(given().cookie("ats_portal", altered)
                        .get("/my-application")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("name=\"token\"")
                .doesNotContain("name=\"form\"");
        given().cookie("ats_portal", "x".repeat(5000))
                .get("/my-application")
                .then()
                .statusCode(200);

        given().contentType(ContentType.URLENC)
                .formParam("token", "wrong-" + token)
                .post("/my-application/login")
                .then()
                .statusCode(401);
        given().get("/my-application")
                .then()
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
    }
}
