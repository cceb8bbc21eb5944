package com.example.ats.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The realm roles the owner of a subscription holds now, asked of Keycloak's admin API with the service's own client
 * (client credentials, allowed to view users): a delivery goes only while its owner may still read its type, so a
 * role taken away in Keycloak stops the deliveries it allowed. An owner Keycloak no longer knows holds no role.
 * Remembered for {@code ats.webhooks.owner-roles-for}, so a busy subscription costs one question a minute.
 */
@ApplicationScoped
public class OwnerRoles {

    /** Keycloak could not be asked or did not answer as expected: nothing is sent meanwhile. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String why) {
            super(why);
        }
    }

    private final OidcClient keycloak;
    private final ObjectMapper json;
    private final WebhookConfig config;
    private final String usersUrl;
    private final HttpClient http;
    private final Cache<String, Set<String>> remembered;
    private volatile Tokens tokens;

    OwnerRoles(
            OidcClient keycloak,
            ObjectMapper json,
            WebhookConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.keycloak = keycloak;
        this.json = json;
        this.config = config;
        this.usersUrl = adminUsersUrl(realmUrl);
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.ownerRolesTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.remembered =
                Caffeine.newBuilder().expireAfterWrite(config.ownerRolesFor()).build();
    }

    /** {@code http://host/realms/ats} → {@code http://host/admin/realms/ats/users/} */
    static String adminUsersUrl(String realmUrl) {
        String url = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
        int realms = url.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("quarkus.oidc.auth-server-url must end in /realms/<realm>");
        }
        return url.substring(0, realms) + "/admin" + url.substring(realms) + "/users/";
    }

    /** The owner's realm roles, composite roles included; empty when Keycloak knows no such user. */
    public Set<String> of(String owner) {
        return remembered.get(owner, this::ask);
    }

    private Set<String> ask(String owner) {
        HttpResponse<byte[]> answer = get(owner, accessToken(false));
        if (answer.statusCode() == 401) {
            answer = get(owner, accessToken(true)); // revoked or expired early: once more with a new token
        }
        if (answer.statusCode() == 404) {
            return Set.of();
        }
        if (answer.statusCode() != 200) {
            throw new Unavailable("Keycloak answered HTTP " + answer.statusCode() + " to a role lookup");
        }
        try {
            Set<String> roles = new HashSet<>();
            for (JsonNode role : json.readTree(answer.body())) {
                roles.add(role.path("name").asText());
            }
            return Set.copyOf(roles);
        } catch (IOException e) {
            throw new Unavailable("Keycloak's role lookup answered something else than a list of roles");
        }
    }

    private HttpResponse<byte[]> get(String owner, String token) {
        URI uri = URI.create(usersUrl
                + URLEncoder.encode(owner, StandardCharsets.UTF_8).replace("+", "%20")
                + "/role-mappings/realm/composite");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.ownerRolesTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("Keycloak could not be reached for a role lookup: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    private String accessToken(boolean fresh) {
        Tokens current = tokens;
        if (fresh || current == null || current.isAccessTokenExpired()) {
            try {
                current = keycloak.getTokens().await().atMost(config.ownerRolesTimeout());
            } catch (RuntimeException e) {
                throw new Unavailable("the service's own token could not be had from Keycloak: "
                        + e.getClass().getSimpleName());
            }
            tokens = current;
        }
        return current.getAccessToken();
    }
}
