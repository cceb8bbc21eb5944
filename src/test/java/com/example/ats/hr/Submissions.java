package com.example.ats.hr;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;

/** Applications sent through the public intake, with names and addresses unique to the test that sent them. */
final class Submissions {

    private Submissions() {}

    record Submitted(UUID id, String firstName, String lastName, String email, UUID cvId, JsonPath receipt) {}

    static Submitted submit() {
        return submit(null);
    }

    static Submitted submit(UUID vacancyId) {
        // Letters only: a run of nine random digits passes the BSN 11-test one time in eleven and is refused (422).
        String unique = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 26)
                .chars()
                .map(c -> 'a' + Character.digit(c, 26))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        Map<String, Object> form = Intake.form();
        Map<String, Object> applicant = Intake.applicant(form);
        String firstName = "Fenna" + unique;
        String lastName = "Zwanenburg" + unique;
        String email = "fenna." + unique + "@example.org";
        applicant.put("firstName", firstName);
        applicant.put("lastName", lastName);
        applicant.put("email", email);
        if (vacancyId != null) {
            form.put("vacancyId", vacancyId.toString());
        }
        JsonPath receipt = Intake.request(form)
                .multiPart("cv", "Curriculum vitae.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("motivationLetter", "letter.txt", SampleFiles.txt(), "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Submitted(
                UUID.fromString(receipt.getString("id")),
                firstName,
                lastName,
                email,
                UUID.fromString(receipt.getString("documents.find { it.kind == 'CV' }.id")),
                receipt);
    }
}
