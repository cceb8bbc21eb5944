package com.example.ats.shared;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** REST Assured as each kind of caller, with real tokens from the real Keycloak of bin/stack. */
public final class Api {

    public static final String DEMO_PASSWORD = "demo";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {}

    public static RequestSpecification anonymous() {
        return given();
    }

    /** A demo user of the realm (recruiter, hr-admin, privacy-officer). */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(userToken(user));
    }

    /** The hr-tool service account (client credentials), role hr-integration. */
    public static RequestSpecification asHrTool() {
        return given().auth().oauth2(hrToolToken());
    }

    /** The hr-tool service account's access token (client credentials). */
    public static String hrToolToken() {
        return TOKENS.computeIfAbsent("client:hr-tool", k -> clientToken("hr-tool", "hr-tool-secret"));
    }

    /** A real Keycloak token of {@code user} that has expired (its client issues tokens valid for one second). */
    public static String expiredToken(String user) {
        return TOKENS.computeIfAbsent("expired:" + user, k -> {
            String token = given().baseUri(tokenUrl())
                    .formParam("grant_type", "password")
                    .formParam("client_id", "ats-short-lived")
                    .formParam("username", user)
                    .formParam("password", DEMO_PASSWORD)
                    .post()
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            try {
                Thread.sleep(2_100); // past the one-second lifespan (exp has whole seconds)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return token;
        });
    }

    /** A real token of the realm, with the hr-integration role, issued to another service: its audience is not ats. */
    public static String otherAudienceToken() {
        return TOKENS.computeIfAbsent(
                "client:other-service", k -> clientToken("other-service", "other-service-secret"));
    }

    /** A well-formed token with a staff role, signed by another issuer's key (not the realm's). */
    public static String foreignToken() {
        return TOKENS.computeIfAbsent("foreign", k -> ForeignIssuer.token("privacy-officer"));
    }

    public static String userToken(String user) {
        return TOKENS.computeIfAbsent(
                "user:" + user,
                k -> given().baseUri(tokenUrl())
                        .formParam("grant_type", "password")
                        .formParam("client_id", "ats-cli")
                        .formParam("username", user)
                        .formParam("password", DEMO_PASSWORD)
                        .post()
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token"));
    }

    private static String clientToken(String clientId, String secret) {
        return given().baseUri(tokenUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post()
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String tokenUrl() {
        // The tests of the packaged service and the image run outside Quarkus: bin/stack's setting, as the service
        // reads it.
        String issuer = System.getenv("ATS_OIDC_URL") != null
                ? System.getenv("ATS_OIDC_URL")
                : ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return issuer + "/protocol/openid-connect/token";
    }
}
