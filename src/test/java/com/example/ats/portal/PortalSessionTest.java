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

    @Test
    void aSignInThatABrowserSaysCameFromElsewhereOpensNoSession() {
        String token = Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("accessToken");
        String[][] foreign = {
            {"Sec-Fetch-Site", "cross-site"},
            {"Sec-Fetch-Site", "same-site"},
            {"Origin", "http://attacker.example"},
            {"Origin", "null"},
            {"Origin", "http://localhost:1"},
        };
        // with Sec-Fetch-Site it decides: Origin is "null" from our own no-referrer pages
        for (String[] header : foreign) {
            Response refused = given().contentType(ContentType.URLENC)
                    .header(header[0], header[1])
                    .formParam("token", token)
                    .redirects()
                    .follow(false)
                    .post("/my-application/login");
            assertThat(refused.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(refused.cookie("ats_portal")).isNull();
        }
        Response own = given().contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "null")
                .formParam("token", token)
                .redirects()
                .follow(false)
                .post("/my-application/login");
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(own.cookie("ats_portal")).isNotEmpty();
        Response olderBrowser = given().contentType(ContentType.URLENC)
                .header("Origin", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port)
                .formParam("token", token)
                .redirects()
                .follow(false)
                .post("/my-application/login");
        assertThat(olderBrowser.statusCode()).isEqualTo(303);
    }

    @Test
    void thePortalsFilesAndExportAreNeverCached() {
        String token = Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("accessToken");
        String cookie = given().contentType(ContentType.URLENC)
                .formParam("token", token)
                .redirects()
                .follow(false)
                .post("/my-application/login")
                .cookie("ats_portal");
        given().cookie("ats_portal", cookie)
                .get("/my-application/export")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
        String page =
                given().cookie("ats_portal", cookie).get("/my-application").asString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/my-application/documents/[^\"]+)\"")
                .matcher(page);
        assertThat(link.find()).isTrue();
        given().cookie("ats_portal", cookie)
                .get(link.group(1))
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
    }
}
