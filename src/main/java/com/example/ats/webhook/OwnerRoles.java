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
import java.time.Duration;
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

    /**
     * Keycloak could not tell: {@code forEveryone} when it cannot be asked at all (unreachable, our own token refused,
     * an error of its own), so that every delivery waits; else only this owner's answer was unreadable.
     */
    static final class Unavailable extends RuntimeException {
        private final boolean forEveryone;

        Unavailable(String why, boolean forEveryone) {
            super(why);
            this.forEveryone = forEveryone;
        }

        boolean forEveryone() {
            return forEveryone;
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

    /**
     * The owner's realm roles, composite roles included; none when Keycloak knows no such user or the user is
     * disabled (a leaver is usually disabled, not stripped of roles). All of it within {@code owner-roles-timeout}.
     */
    public Set<String> of(String owner) {
        return remembered.get(owner, this::ask);
    }

    private Set<String> ask(String owner) {
        long deadline = System.nanoTime() + config.ownerRolesTimeout().toNanos();
        String user =
                usersUrl + URLEncoder.encode(owner, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<byte[]> account = get(user, deadline);
        if (account.statusCode() == 404) {
            return Set.of();
        }
        if (!read(account, owner).path("enabled").asBoolean(false)) {
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        for (JsonNode role : read(get(user + "/role-mappings/realm/composite", deadline), owner)) {
            roles.add(role.path("name").asText());
        }
        return Set.copyOf(roles);
    }

    /** The answer's JSON; a status other than 200 or a body that is not JSON is an answer we cannot use. */
    private JsonNode read(HttpResponse<byte[]> answer, String owner) {
        if (answer.statusCode() != 200) {
            // Keycloak's own trouble (5xx) or ours with it (403: our client may not view users): nobody's roles are
            // known
            throw new Unavailable("Keycloak answered HTTP " + answer.statusCode() + " to a role lookup", true);
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new Unavailable("Keycloak's answer about one owner was not JSON", false);
        }
    }

    /** A GET with the service's token; once more with a new token when Keycloak no longer takes the one we had. */
    private HttpResponse<byte[]> get(String url, long deadline) {
        HttpResponse<byte[]> answer = send(url, accessToken(false, deadline), deadline);
        return answer.statusCode() == 401 ? send(url, accessToken(true, deadline), deadline) : answer;
    }

    private HttpResponse<byte[]> send(String url, String token, long deadline) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(left(deadline))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable(
                    "Keycloak could not be reached for a role lookup: "
                            + e.getClass().getSimpleName(),
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", true);
        }
    }

    /** What is left of the lookup's time; none left is an outage, not an answer. */
    private static Duration left(long deadline) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new Unavailable("Keycloak did not answer a role lookup in time", true);
        }
        return Duration.ofNanos(nanos);
    }

    private String accessToken(boolean fresh, long deadline) {
        Tokens current = tokens;
        if (fresh || current == null || current.isAccessTokenExpired()) {
            Duration left = left(deadline);
            try {
                current = keycloak.getTokens().await().atMost(left);
            } catch (RuntimeException e) {
                throw new Unavailable(
                        "the service's own token could not be had from Keycloak: "
                                + e.getClass().getSimpleName(),
                        true);
            }
            tokens = current;
        }
        return current.getAccessToken();
    }
}
