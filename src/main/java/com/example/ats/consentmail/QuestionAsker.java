package com.example.ats.consentmail;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.mail.ConsentLinks;
import com.example.ats.mail.MailKind;
import com.example.ats.mail.MailOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Asks one application's applicant one question: the question's row and its mail, in one transaction. */
@ApplicationScoped
class QuestionAsker {

    /** What to ask. */
    record Question(
            ConsentQuestion.Purpose purpose,
            String askedFor,
            String textVersion,
            Instant validUntil,
            MailKind mail,
            Map<String, String> dates) {}

    private final ConsentQuestionRepository questions;
    private final ApplicationRepository applications;
    private final ConsentLinks links;
    private final MailOutbox mails;

    QuestionAsker(
            ConsentQuestionRepository questions,
            ApplicationRepository applications,
            ConsentLinks links,
            MailOutbox mails) {
        this.questions = questions;
        this.applications = applications;
        this.links = links;
        this.mails = mails;
    }

    /**
     * True when this call asked it; false when it was asked before (by this or another replica). Callers catch a
     * failure for one application and go on with the others ({@link #skipped}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean ask(UUID applicationId, Function<Application, Optional<Question>> what, Instant now) {
        Application application = applications.findById(applicationId);
        if (application == null || application.expiresAt == null) {
            return false;
        }
        Optional<Question> asked = what.apply(application);
        if (asked.isEmpty()) {
            return false;
        }
        Question question = asked.get();
        ConsentQuestion row = new ConsentQuestion();
        row.id = UUID.randomUUID();
        row.applicationId = applicationId;
        row.purpose = question.purpose();
        row.askedFor = question.askedFor();
        row.textVersion = question.textVersion();
        row.tokenSha256 = links.tokenHash(row.id);
        row.createdAt = now;
        row.validUntil = question.validUntil();
        if (!questions.insertIfNew(row)) {
            return false;
        }
        var dates = new java.util.HashMap<>(question.dates());
        dates.put("validUntil", question.validUntil().toString());
        dates.put("expiresAt", application.expiresAt.toString());
        dates.put("textVersion", question.textVersion());
        mails.consentQuestion(
                question.mail(), row.id, applicationId, application.applicant.email, application.mailLanguage(), dates);
        return true;
    }

    /** A question that could not be asked this round: logged without personal data; the next round tries again. */
    static boolean skipped(UUID applicationId, RuntimeException e) {
        io.quarkus.logging.Log.warnf(
                "Consent question for application %s not asked this round: %s",
                applicationId, e.getClass().getSimpleName());
        return false;
    }
}
