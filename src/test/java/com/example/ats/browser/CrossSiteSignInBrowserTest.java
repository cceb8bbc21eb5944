package com.example.ats.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Login forgery in real Chromium: a page on another site posts the attacker's own access code to the portal's
 * sign-in, so that the visitor would type their details into the attacker's application. The portal refuses a
 * sign-in that a browser says came from elsewhere, and opens no session; typed on the portal's own page, the same
 * code signs in.
 */
@QuarkusTest
class CrossSiteSignInBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPageOnAnotherSiteCannotSignAVisitorIn() throws Exception {
        String token = Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("accessToken");
        String portal = base.toString() + "my-application";
        String page = "<!doctype html><html lang=en><title>win a prize</title>"
                + "<body onload=\"document.forms[0].submit()\">"
                + "<form method=post action=\"" + portal + "/login\">"
                + "<input type=hidden name=token value=\"" + token + "\">"
                + "<input type=hidden name=lang value=en></form></body></html>";
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        // another host than the portal's (localhost against 127.0.0.1): another site to the browser
        String otherHost = base.getHost().equals("localhost") ? "127.0.0.1" : "localhost";
        try (Browser browser = new Browser(true)) {
            browser.driver.get(
                    "http://" + otherHost + ":" + elsewhere.getAddress().getPort() + "/");
            browser.awaitText("h1", "Your data");
            assertThat(browser.driver.getCurrentUrl()).startsWith(portal);
            assertThat(browser.text()).contains("This form has expired");
            assertThat(browser.driver.manage().getCookieNamed("ats_portal")).isNull();

            browser.driver.get(portal + "?lang=en");
            browser.type("#token", token);
            browser.find("form[action='/my-application/login'] button").click();
            browser.await("#delete-on");
            assertThat(browser.driver.manage().getCookieNamed("ats_portal")).isNotNull();
        } finally {
            elsewhere.stop(0);
        }
    }
}
