package com.example.ats.self;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.example.ats.intake.Intake;
import com.example.ats.mail.Mailpit;
import com.example.ats.retention.Applications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An applicant who changes their e-mail address cannot make it anyone's: the new address gets a link and nothing
 * else, every mail keeps going to the old address until the link is used, and then the old address is told.
 */
@QuarkusTest
class AddressChangeTest {

    private static final String PATH = "/api/v1/self/application";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+/my-application/address/[A-Za-z0-9_-]+");

    @Inject
    EntityManager entityManager;

    @Test
    void aNewAddressTakesEffectOnlyWhenTheLinkMailedToItIsUsedAndTheOldOneIsTold() throws Exception {
        String old = address();
        String wanted = address();
        JsonPath receipt = Intake.applyWith(old);
        String id = receipt.getString("id");
        Mailpit.await(old, 1);

        self(receipt)
                .contentType("application/merge-patch+json")
                .body(Map.of("email", wanted, "phone", "06 9876 5432"))
                .patch(PATH)
                .then()
                .statusCode(200)
                .body("applicant.email", equalTo(old))
                .body("applicant.phone", equalTo("06 9876 5432"))
                .body("emailToConfirm", equalTo(wanted));
        assertThat(Applications.email(entityManager, UUID.fromString(id)))
                .as("not taken yet")
                .isEqualTo(old);
        String path = linkIn(Mailpit.await(wanted, 1).getFirst().text());

        // an objection now: its acknowledgement goes to the address in force, not to the one given
        self(receipt)
                .contentType("application/json")
                .body(Map.of("reason", "Please do not keep my file"))
                .post(PATH + "/objection")
                .then()
                .statusCode(202);
        Mailpit.await(old, 2);
        Thread.sleep(2_500); // the mail worker runs every second: time for a stray mail, were there one
        assertThat(Mailpit.to(wanted)).as("only the link").hasSize(1);

        for (int i = 0; i < 2; i++) { // mail scanners open links: a GET changes nothing
            given().get(path)
                    .then()
                    .statusCode(200)
                    .body(containsString("id=\"confirm-address\""))
                    .body(not(containsString(wanted)));
        }
        given().header("Origin", "http://attacker.example").post(path).then().statusCode(403);
        assertThat(Applications.email(entityManager, UUID.fromString(id))).isEqualTo(old);

        given().formParam("lang", "en")
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("Your e-mail address has been changed"));
        assertThat(Applications.email(entityManager, UUID.fromString(id))).isEqualTo(wanted);
        given().post(path).then().statusCode(410);
        self(receipt).get(PATH).then().statusCode(200).body("applicant.email", equalTo(wanted));

        List<Mailpit.Message> toOld = Mailpit.await(old, 3);
        assertThat(toOld.stream().map(Mailpit.Message::text))
                .anySatisfy(text -> assertThat(text)
                        .contains(wanted.charAt(0) + "***@example.org")
                        .doesNotContain(wanted));
        assertThat(audit(id)).contains("ADDRESS_CONFIRMATION_SENT", "ADDRESS_CONFIRMED");
        assertThat(Applications.requestAddresses(entityManager, UUID.fromString(id)))
                .as("the objection's answer goes to the new address")
                .containsExactly(wanted);
    }

    @Test
    void aNewerAddressReplacesTheLinkOfTheEarlierOne() throws Exception {
        JsonPath receipt = Intake.applyWith(address());
        String first = address();
        String second = address();
        List<String> links = new java.util.ArrayList<>();
        for (String wanted : List.of(first, second)) {
            self(receipt)
                    .contentType("application/merge-patch+json")
                    .body(Map.of("email", wanted))
                    .patch(PATH)
                    .then()
                    .statusCode(200)
                    .body("emailToConfirm", equalTo(wanted));
            // (a link replaced before its mail went out is not sent at all)
            links.add(linkIn(Mailpit.await(wanted, 1).getFirst().text()));
        }
        String replaced = links.get(0);
        String current = links.get(1);

        given().get(replaced).then().statusCode(410).body(containsString("Deze link werkt niet meer"));
        given().post(replaced).then().statusCode(410);
        given().post(current).then().statusCode(200);
        assertThat(Applications.email(entityManager, UUID.fromString(receipt.getString("id"))))
                .isEqualTo(second);
        given().get("/my-application/address/not-a-token").then().statusCode(410);
    }

    /** A leaked access code mails at most three strangers a day: the fourth new address is 429, the rest is kept. */
    @Test
    void anApplicationGivesAtMostThreeNewAddressesADay() throws Exception {
        JsonPath receipt = Intake.applyWith(address());
        for (int i = 0; i < 3; i++) {
            self(receipt)
                    .contentType("application/merge-patch+json")
                    .body(Map.of("email", address()))
                    .patch(PATH)
                    .then()
                    .statusCode(200);
        }
        String fourth = address();
        self(receipt)
                .contentType("application/merge-patch+json")
                .body(Map.of("email", fourth, "phone", "06 1111 2222"))
                .patch(PATH)
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        self(receipt).get(PATH).then().statusCode(200).body("applicant.phone", equalTo("06 1111 2222"));
        Thread.sleep(2_500);
        assertThat(Mailpit.to(fourth)).isEmpty();
    }

    private static String address() {
        return Intake.uniqueAddress("address");
    }

    private static String linkIn(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("the mail carries the link").isTrue();
        return URI.create(link.group()).getPath();
    }

    private static RequestSpecification self(JsonPath receipt) {
        return given().header("Applicant-Token", receipt.getString("accessToken"));
    }

    @SuppressWarnings("unchecked")
    private List<String> audit(String applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select action from audit_event where application_id = ?1")
                        .setParameter(1, UUID.fromString(applicationId))
                        .getResultList());
    }
}
