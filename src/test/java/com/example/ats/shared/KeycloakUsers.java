package com.example.ats.shared;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Users made for one test in the real realm, through Keycloak's admin API as the bootstrap administrator of bin/stack:
 * a test that takes a role away must not take it from a demo user the other tests sign in as.
 */
public final class KeycloakUsers {

    /** A user of the realm made by a test; its token is taken when asked (roles as Keycloak has them then). */
    public record User(String id, String username) {

        public RequestSpecification api() {
            return given().auth().oauth2(token());
        }

        public String token() {
            return given().baseUri(realmUrl() + "/protocol/openid-connect/token")
                    .formParam("grant_type", "password")
                    .formParam("client_id", "ats-cli")
                    .formParam("username", username)
                    .formParam("password", Api.DEMO_PASSWORD)
                    .post()
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
        }
    }

    private KeycloakUsers() {}

    /** Makes a user holding one realm role. */
    public static User create(String role) {
        String username = "test-" + UUID.randomUUID();
        String location = admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.org",
                        "firstName",
                        "Test",
                        "lastName",
                        "User",
                        "enabled",
                        true,
                        "emailVerified",
                        true,
                        "requiredActions",
                        List.of(),
                        "credentials",
                        List.of(Map.of("type", "password", "value", Api.DEMO_PASSWORD, "temporary", false))))
                .post(adminUrl() + "/users")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        User user = new User(location.substring(location.lastIndexOf('/') + 1), username);
        admin().contentType(ContentType.JSON)
                .body(List.of(role(role)))
                .post(adminUrl() + "/users/" + user.id() + "/role-mappings/realm")
                .then()
                .statusCode(204);
        return user;
    }

    public static void takeRole(User user, String role) {
        admin().contentType(ContentType.JSON)
                .body(List.of(role(role)))
                .delete(adminUrl() + "/users/" + user.id() + "/role-mappings/realm")
                .then()
                .statusCode(204);
    }

    /** Disables the account, as an organisation does when someone leaves (their roles stay). */
    public static void disable(User user) {
        admin().contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .put(adminUrl() + "/users/" + user.id())
                .then()
                .statusCode(204);
    }

    public static void delete(User user) {
        admin().delete(adminUrl() + "/users/" + user.id()).then().statusCode(204);
    }

    private static Map<String, Object> role(String name) {
        return admin().get(adminUrl() + "/roles/" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static RequestSpecification admin() {
        String token = given().baseUri(
                        realmUrl().replaceAll("/realms/[^/]+$", "/realms/master") + "/protocol/openid-connect/token")
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post()
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return given().auth().oauth2(token);
    }

    private static String adminUrl() {
        return realmUrl().replace("/realms/", "/admin/realms/");
    }

    private static String realmUrl() {
        return System.getenv("ATS_OIDC_URL") != null
                ? System.getenv("ATS_OIDC_URL")
                : ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }
}
