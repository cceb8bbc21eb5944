package com.example.ats.portal;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.example.ats.intake.Intake;
import com.example.ats.mail.Mailpit;
import com.example.ats.retention.Applications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
 * Someone applied with a stranger's address: the stranger's receipt carries a "this was not me" link. Opening it
 * shows which application it is about and changes nothing; its button takes the address out of the application
 * (recorded without the address), after which nothing more is mailed there and the address opens nothing.
 */
@QuarkusTest
class NotMeTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+/not-me/([0-9a-f-]{36})/([A-Za-z0-9_-]+)");

    @Inject
    EntityManager entityManager;

    @Test
    void theReceiptsLinkTakesTheStrangersAddressOutAndNothingMoreIsMailedThere() throws Exception {
        String stranger = Intake.uniqueAddress("not-me");
        JsonPath receipt = Intake.applyWith(stranger);
        String id = receipt.getString("id");
        Matcher link = LINK.matcher(Mailpit.await(stranger, 1).getFirst().text());
        assertThat(link.find()).as("the receipt carries the link").isTrue();
        assertThat(link.group(1)).isEqualTo(id);
        String path = URI.create(link.group()).getPath();

        for (int i = 0; i < 2; i++) { // mail scanners open links: a GET changes nothing
            given().get(path)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", containsString("no-store"))
                    .body(containsString("id=\"remove-address\""))
                    .body(not(containsString(stranger)));
        }
        assertThat(Applications.email(entityManager, UUID.fromString(id))).isEqualTo(stranger);

        given().header("Origin", "http://attacker.example")
                .formParam("lang", "nl")
                .post(path)
                .then()
                .statusCode(403);
        assertThat(Applications.email(entityManager, UUID.fromString(id)))
                .as("a form on another site takes nothing out")
                .isEqualTo(stranger);

        given().formParam("lang", "en")
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("Your e-mail address is out of the application"));
        assertThat(Applications.email(entityManager, UUID.fromString(id))).isNull();
        assertThat(audit(id)).containsExactly("ADDRESS_REMOVED_BY_RECIPIENT");
        assertThat(auditDetails(id)).noneMatch(detail -> detail != null && detail.contains(stranger));
        given().get(path).then().statusCode(410).body(containsString("niets meer"));
        given().formParam("lang", "nl").post(path).then().statusCode(410);
        assertThat(audit(id)).as("recorded once").hasSize(1);

        // the application stays with its maker, who objects: the acknowledgement has nowhere to go
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType("application/json")
                .body(Map.of("reason", "I changed my mind"))
                .post("/api/v1/self/application/objection")
                .then()
                .statusCode(202);
        as("hr-admin").get("/api/v1/applications/" + id).then().statusCode(200).body(not(containsString(stranger)));
        Thread.sleep(2_500); // the mail worker runs every second: time for a mail, were there one
        assertThat(Mailpit.to(stranger)).as("only the receipt").hasSize(1);

        // the address opens nothing: asking for a sign-in link with it sends none
        given().formParam("email", stranger)
                .post(PortalSessions.PATH + "/link")
                .then()
                .statusCode(200);
        Thread.sleep(2_500);
        assertThat(Mailpit.to(stranger)).hasSize(1);
    }

    /** The link is bound to the address the receipt went to: an address confirmed since is not the link's to take. */
    @Test
    void anOldReceiptCannotTakeOutAnAddressTheApplicantConfirmedSince() throws Exception {
        String first = Intake.uniqueAddress("not-me");
        String second = Intake.uniqueAddress("not-me");
        JsonPath receipt = Intake.applyWith(first);
        String id = receipt.getString("id");
        Matcher link = LINK.matcher(Mailpit.await(first, 1).getFirst().text());
        assertThat(link.find()).isTrue();
        String old = URI.create(link.group()).getPath();
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType("application/merge-patch+json")
                .body(Map.of("email", second))
                .patch("/api/v1/self/application")
                .then()
                .statusCode(200);
        Matcher confirm = Pattern.compile("https?://[^\\s\"<]+(/my-application/address/[A-Za-z0-9_-]+)")
                .matcher(Mailpit.await(second, 1).getFirst().text());
        assertThat(confirm.find()).isTrue();
        given().post(confirm.group(1)).then().statusCode(200);

        given().get(old).then().statusCode(404);
        given().formParam("lang", "nl").post(old).then().statusCode(404);
        assertThat(Applications.email(entityManager, UUID.fromString(id))).isEqualTo(second);
    }

    /** The applicant's own requests about the application held the address too: it goes from them as well. */
    @Test
    void theAddressGoesFromTheApplicantsRequestsToo() throws Exception {
        String stranger = Intake.uniqueAddress("not-me");
        JsonPath receipt = Intake.applyWith(stranger);
        String id = receipt.getString("id");
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType("application/json")
                .body(Map.of("reason", "keep nothing"))
                .post("/api/v1/self/application/objection")
                .then()
                .statusCode(202);
        assertThat(Applications.requestAddresses(entityManager, UUID.fromString(id)))
                .containsExactly(stranger);
        Matcher link = LINK.matcher(Mailpit.await(stranger, 1).getFirst().text());
        assertThat(link.find()).isTrue();

        given().formParam("lang", "nl")
                .post(URI.create(link.group()).getPath())
                .then()
                .statusCode(200);

        assertThat(Applications.requestAddresses(entityManager, UUID.fromString(id)))
                .containsExactly((String) null);
    }

    @Test
    void aLinkThatIsNotRightIsNotFoundAndChangesNothing() throws Exception {
        String address = Intake.uniqueAddress("not-me");
        JsonPath receipt = Intake.applyWith(address);
        String id = receipt.getString("id");
        Matcher link = LINK.matcher(Mailpit.await(address, 1).getFirst().text());
        assertThat(link.find()).isTrue();
        String token = link.group(2);
        String other = Intake.applyWith(Intake.uniqueAddress("not-me")).getString("id");

        for (String path : List.of(
                "/not-me/" + other + "/" + token, // another application's link
                "/not-me/" + id + "/" + token.substring(1),
                "/not-me/" + id + "/x",
                "/not-me/not-an-id/" + token)) {
            given().get(path).then().statusCode(404).body(containsString("Deze link kennen we niet"));
            given().formParam("lang", "nl").post(path).then().statusCode(404);
        }
        assertThat(Applications.email(entityManager, UUID.fromString(id))).isEqualTo(address);
        assertThat(Applications.email(entityManager, UUID.fromString(other))).isNotNull();
        assertThat(audit(id)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> audit(String applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select action from audit_event where application_id = ?1 and action = ?2")
                        .setParameter(1, UUID.fromString(applicationId))
                        .setParameter(2, "ADDRESS_REMOVED_BY_RECIPIENT")
                        .getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> auditDetails(String applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select detail from audit_event where application_id = ?1")
                        .setParameter(1, UUID.fromString(applicationId))
                        .getResultList());
    }
}
