package com.example.ats.event;

import static com.example.ats.shared.Api.as;
import static com.example.ats.shared.Api.asHrTool;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The change feed's cursor tells an HR tool nothing of the events it may not read: after an objection (a withdrawal
 * the tool sees, and a privacy request it does not), the cursor is exactly what a plain withdrawal leaves, and the
 * numbers inside it cannot be read.
 */
@QuarkusTest
class FeedCursorPrivacyTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    private static final String SELF = "/api/v1/self/application";

    @Test
    void anObjectionLeavesTheSameCursorAsAPlainWithdrawal() {
        JsonPath withdrawing = apply();
        JsonPath objecting = apply();
        String start = end();

        given().header("Applicant-Token", withdrawing.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false))
                .put(SELF + "/retention-consent")
                .then()
                .statusCode(200);
        String afterWithdrawal = cursorOfTheLastEventSeen(start, withdrawing.getString("id"));

        String officersCursor = Feed.since("privacy-officer", null).cursor();
        given().header("Applicant-Token", objecting.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "keep nothing"))
                .post(SELF + "/objection")
                .then()
                .statusCode(202);
        assertThat(Feed.types(Feed.since("privacy-officer", officersCursor).events()))
                .as("the privacy officer reads the objection's request")
                .contains("privacy_request.registered");
        String afterObjection = cursorOfTheLastEventSeen(afterWithdrawal, objecting.getString("id"));

        assertThat(Base64.getUrlDecoder().decode(afterObjection))
                .as("sealed: no sequence number to read")
                .hasSize(16)
                .satisfies(raw ->
                        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotStartWith("e:"));
        JsonPath again = page(afterObjection, 1000);
        assertThat(again.getList("items")).isEmpty();
        assertThat(again.getString("nextCursor")).isEqualTo(afterObjection);

        // A cursor of the earlier plain form can name any position: the newest event of all (the objection's
        // request, which the tool may not read) is past the end of the feed as the tool sees it, as if nothing were
        // there.
        long newest = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(
                                        "select max(seq) from outbox_event where type = 'privacy_request.registered'")
                                .getSingleResult())
                        .longValue());
        String plain = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("e:" + newest).getBytes(StandardCharsets.UTF_8));
        asHrTool().queryParam("after", plain).get(Feed.PATH).then().statusCode(410);
        // and a plain cursor is read only up to the end of the feed at the upgrade (here: an empty feed), so that
        // stepping through positions by hand tells nothing either
        as("privacy-officer").queryParam("after", plain).get(Feed.PATH).then().statusCode(410);
    }

    /**
     * Reads from the cursor to the end as the HR tool; the cursor it ends on must be the one a full page ending on the
     * same event gives, whether or not events the tool may not read follow that event.
     */
    private static String cursorOfTheLastEventSeen(String from, String applicationId) {
        JsonPath all = page(from, 1000);
        int seen = all.getList("items").size();
        assertThat(Feed.about(all.getList("items"), applicationId)).isNotEmpty();
        assertThat(all.getList("items.type", String.class)).noneMatch(type -> type.startsWith("privacy_request"));
        String shortPage = all.getString("nextCursor");
        String fullPage = page(from, seen).getString("nextCursor");
        assertThat(shortPage)
                .as("a short page ends where the full page of the same events ends")
                .isEqualTo(fullPage);
        return shortPage;
    }

    private static JsonPath page(String after, int limit) {
        var request = asHrTool().queryParam("limit", limit);
        if (after != null) {
            request = request.queryParam("after", after);
        }
        return request.get(Feed.PATH).then().statusCode(200).extract().jsonPath();
    }

    /** The HR tool's cursor at the end of the feed now. */
    private static String end() {
        String at = null;
        while (true) {
            JsonPath page = page(at, 1000);
            at = page.getString("nextCursor");
            if (page.getList("items").size() < 1000) {
                return at;
            }
        }
    }

    private static JsonPath apply() {
        return Intake.valid().post(Intake.PATH).then().statusCode(201).extract().jsonPath();
    }
}
