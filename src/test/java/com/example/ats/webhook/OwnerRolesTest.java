package com.example.ats.webhook;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.shared.KeycloakUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subscription's deliveries go only while its owner still holds a role that may read them, as Keycloak tells it at
 * delivery: a role taken away (or a user removed) after subscribing stops them, though the owner's old token would
 * still say otherwise.
 */
@QuarkusTest
class OwnerRolesTest {

    private final List<String> subscribed = new ArrayList<>();

    /** Another test's dispatcher must not find these subscriptions (their owners are gone). */
    @AfterEach
    void deleteSubscriptions() {
        subscribed.forEach(id -> as("hr-admin").delete(Webhooks.PATH + "/" + id));
    }

    private String subscribe(KeycloakUsers.User owner, Receiver receiver) {
        String id =
                Webhooks.subscribe(owner::api, receiver.url(), "vacancy.opened").getString("id");
        subscribed.add(id);
        return id;
    }

    @Test
    void deliveriesStopWhenTheOwnerNoLongerHoldsARoleThatMayReadThem() throws Exception {
        KeycloakUsers.User owner = KeycloakUsers.create("hr-admin");
        try (Receiver receiver = new Receiver()) {
            String id = subscribe(owner, receiver);
            String before = Webhooks.openVacancy();
            await(() -> receiver.accepted(b -> b.contains(before)).size() == 1);

            KeycloakUsers.takeRole(owner, "hr-admin");
            String after = Webhooks.openVacancy();
            await(() -> "FAILED".equals(delivery(id, 1).get("state")));

            Map<String, Object> refused = delivery(id, 1);
            assertThat(refused.get("lastOutcome")).isEqualTo(WebhookDispatcher.OWNER_MAY_NOT_READ);
            assertThat(refused.get("attempts"))
                    .as("refused at the first attempt, not retried")
                    .isEqualTo(1);
            assertThat(receiver.arrived()).noneMatch(body -> body.contains(after));
            assertThat(as("hr-admin").get(Webhooks.PATH + "/" + id).<String>path("state"))
                    .as("the receiver is not at fault")
                    .isEqualTo("ACTIVE");
        } finally {
            KeycloakUsers.delete(owner);
        }
    }

    @Test
    void anOwnerKeycloakNoLongerKnowsHoldsNoRole() throws Exception {
        KeycloakUsers.User owner = KeycloakUsers.create("hr-admin");
        try (Receiver receiver = new Receiver()) {
            String id = subscribe(owner, receiver);
            KeycloakUsers.delete(owner);

            String after = Webhooks.openVacancy();
            await(() -> "FAILED".equals(delivery(id, 0).get("state")));

            assertThat(delivery(id, 0).get("lastOutcome")).isEqualTo(WebhookDispatcher.OWNER_MAY_NOT_READ);
            assertThat(receiver.arrived()).noneMatch(body -> body.contains(after));
        }
    }

    @Test
    void aDisabledOwnerHoldsNoRoleThoughTheRolesStay() throws Exception {
        KeycloakUsers.User owner = KeycloakUsers.create("hr-admin");
        try (Receiver receiver = new Receiver()) {
            String id = subscribe(owner, receiver);
            KeycloakUsers.disable(owner);

            String after = Webhooks.openVacancy();
            await(() -> "FAILED".equals(delivery(id, 0).get("state")));

            assertThat(delivery(id, 0).get("lastOutcome")).isEqualTo(WebhookDispatcher.OWNER_MAY_NOT_READ);
            assertThat(receiver.arrived()).noneMatch(body -> body.contains(after));
        } finally {
            KeycloakUsers.delete(owner);
        }
    }

    @Test
    void theAdminUrlIsTheRealmsUnderAdmin() {
        assertThat(OwnerRoles.adminUsersUrl("https://sso.example.org/realms/ats"))
                .isEqualTo("https://sso.example.org/admin/realms/ats/users/");
        assertThat(OwnerRoles.adminUsersUrl("http://keycloak:8080/auth/realms/ats/"))
                .isEqualTo("http://keycloak:8080/auth/admin/realms/ats/users/");
        assertThatThrownBy(() -> OwnerRoles.adminUsersUrl("https://sso.example.org/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The subscription's delivery at {@code index} in the order they were made, as an HR admin sees it (or none). */
    private static Map<String, Object> delivery(String subscription, int index) {
        Map<String, Object> delivery = as("hr-admin")
                .get(Webhooks.PATH + "/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items[" + index + "]");
        return delivery == null ? Map.of() : delivery;
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
