package com.example.ats.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.scan.Clamd;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The apply page takes the API's intake path, so its refusals leave what the API's leave: nothing. Each bad post (a
 * file that is no document, empty, too large, infected or with active content; a field against the rules) is
 * answered with the form and the error next to its field, and the database and the object store are as they were.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class ApplyPageRefusalTest {

    private static final long MIB = 1024 * 1024;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a program as CV", 415, "cv", file("cv", "cv.pdf", SampleFiles.exe())),
                Arguments.of(
                        "a web page as letter",
                        415,
                        "motivationLetter",
                        file("motivationLetter", "brief.pdf", SampleFiles.html())),
                Arguments.of("an empty CV", 422, "cv", file("cv", "cv.pdf", new byte[0])),
                Arguments.of("an infected CV", 422, "cv", file("cv", "cv.txt", Clamd.eicar())),
                Arguments.of(
                        "a PDF with JavaScript", 422, "cv", file("cv", "cv.pdf", RiskyDocuments.pdfWithJavaScript())),
                Arguments.of("a CV over the limit", 422, "cv", (Consumer<RequestSpecification>) request ->
                        request.multiPart("cv", SampleFiles.text(10 * MIB + 1).toFile(), "text/plain")),
                Arguments.of("no CV", 422, "cv", (Consumer<RequestSpecification>) request -> {}),
                Arguments.of("a BSN in the last name", 422, "lastName", field("lastName", "Jansen 111222333")),
                Arguments.of("a control character", 422, "firstName", field("firstName", "An\u001bna")),
                Arguments.of("no e-mail address", 422, "email", field("email", "")),
                Arguments.of("no answer on consent", 422, "consent", field("consent", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theFormComesBackWithItsErrorAndNothingIsKept(
            String what, int status, String field, Consumer<RequestSpecification> change) {
        StoredState before = StoredState.of(entityManager, store);
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "firstName",
                "Sanne",
                "lastName",
                "de Vries",
                "email",
                "sanne@example.org",
                "consent",
                "yes",
                "lang",
                "en"));
        RequestSpecification request = given().contentType("multipart/form-data");
        change.accept(request);
        fields.forEach((name, value) -> {
            if (!hasPart(request, name)) {
                request.multiPart(name, value);
            }
        });
        if (!what.equals("no CV") && !hasPart(request, "cv")) {
            request.multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf");
        }
        String page = request.post("/apply")
                .then()
                .statusCode(status)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .extract()
                .asString();
        assertThat(page).contains("id=\"" + field + "-error\"");
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
    }

    @Test
    void theSameFormWithAGoodCvIsTaken() {
        StoredState before = StoredState.of(entityManager, store);
        given().multiPart("firstName", "Sanne")
                .multiPart("email", "sanne@example.org")
                .multiPart("consent", "yes")
                .multiPart("lang", "en")
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("motivationLetter", "", new byte[0], "application/octet-stream") // an input left empty
                .post("/apply")
                .then()
                .statusCode(200);
        StoredState after = StoredState.of(entityManager, store);
        assertThat(after.objects()).hasSize(before.objects().size() + 1);
        assertThat(after.rows().get("document")).isEqualTo(before.rows().get("document") + 1);
    }

    private static Consumer<RequestSpecification> file(String part, String name, byte[] content) {
        return request -> request.multiPart(part, name, content, "application/octet-stream");
    }

    private static Consumer<RequestSpecification> field(String name, String value) {
        return request -> request.multiPart(name, value);
    }

    private static boolean hasPart(RequestSpecification request, String name) {
        return ((io.restassured.specification.FilterableRequestSpecification) request)
                .getMultiPartParams().stream()
                        .anyMatch(part -> part.getControlName().equals(name));
    }
}
