package com.example.ats.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.shared.LowLimitsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anyone can apply with anyone's e-mail address. Forty applications with one stranger's address, sent from forty
 * client addresses, get that stranger three receipts (the limit of this profile), and none carries the text the
 * sender chose: not a first name that reads as a link, not a file name.
 */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class ReceiptFloodTest {

    @Test
    void aStrangersAddressGetsAFewReceiptsCarryingNothingTheSenderChose() throws Exception {
        String stranger = Intake.uniqueAddress("stranger");
        for (int i = 0; i < 40; i++) {
            Map<String, Object> form = Intake.form();
            Intake.applicant(form).put("email", stranger);
            Intake.applicant(form).put("firstName", "Win at example.com");
            Intake.request(form)
                    .header("X-Forwarded-For", "198.18.7." + (i + 1))
                    .multiPart("cv", "claim-your-prize.example.net.pdf", SampleFiles.pdf(), "application/pdf")
                    .post(Intake.PATH)
                    .then()
                    .statusCode(201);
        }

        List<Mailpit.Message> mails = Mailpit.await(stranger, 3);
        Thread.sleep(3_000); // the mail worker runs every second: time for a fourth, were there one
        mails = Mailpit.to(stranger);
        assertThat(mails).hasSize(3);
        assertThat(mails)
                .allSatisfy(mail -> assertThat(mail.text() + mail.html())
                        .doesNotContain("example.com")
                        .doesNotContain("claim-your-prize")
                        .doesNotContain("example.net")
                        .contains("PDF"));
        assertThat(mails.getFirst().text()).contains("Beste sollicitant").contains("/not-me/");
        java.util.regex.Matcher dropped = java.util.regex.Pattern.compile("ats_mail_receipts_dropped_total ([0-9.]+)")
                .matcher(RestAssured.get("/q/metrics").asString());
        assertThat(dropped.find()).isTrue();
        assertThat(Double.parseDouble(dropped.group(1))).as("counted, not sent").isGreaterThanOrEqualTo(37);
    }
}
