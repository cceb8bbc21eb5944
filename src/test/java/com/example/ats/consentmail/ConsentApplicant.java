package com.example.ats.consentmail;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.mail.Mailpit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An applicant of one test: letters-only details (digits could pass the BSN check), an own mail address. */
public record ConsentApplicant(UUID id, String email, Instant appliedAt) {

    private static final Pattern LINK = Pattern.compile("/consent/([A-Za-z0-9_-]{43})");

    /** Applies with a CV; {@code consentVersion} null means no consent. */
    public static ConsentApplicant apply(String consentVersion, String language) {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String email = "fenna." + letters + "@example.org";
        Map<String, Object> form = Intake.form();
        Map<String, Object> details = Intake.applicant(form);
        details.put("firstName", "Fenna" + letters);
        details.put("email", email);
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("granted", consentVersion != null);
        if (consentVersion != null) {
            consent.put("textVersion", consentVersion);
        }
        form.put("retentionConsent", consent);
        var response = Intake.request(form)
                .queryParam("language", language)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new ConsentApplicant(
                UUID.fromString(response.getString("id")), email, Instant.parse(response.getString("appliedAt")));
    }

    public Instant expiresAt(EntityManager entityManager) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = entityManager
                    .createNativeQuery("select expires_at from application where id = ?1")
                    .setParameter(1, id)
                    .getSingleResult();
            return com.example.ats.shared.SqlValues.instant(value);
        });
    }

    public long questions(EntityManager entityManager) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from consent_question where application_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }

    /** The mails with this subject that reached Mailpit. */
    public List<Mailpit.Message> mails(String subject) throws Exception {
        return Mailpit.to(email).stream()
                .filter(m -> m.subject().equals(subject))
                .toList();
    }

    /** Waits for a mail with this subject, then a little longer to see that no second one comes. */
    public List<Mailpit.Message> awaitMail(String subject) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (mails(subject).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail '" + subject + "' to " + email + " within 30 s");
            }
            Thread.sleep(200);
        }
        Thread.sleep(1_500);
        return mails(subject);
    }

    public static String token(Mailpit.Message mail) {
        Matcher matcher = LINK.matcher(mail.text());
        if (!matcher.find()) {
            throw new AssertionError("no consent link in: " + mail.text());
        }
        return matcher.group(1);
    }
}
