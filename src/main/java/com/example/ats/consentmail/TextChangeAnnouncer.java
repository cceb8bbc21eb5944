package com.example.ats.consentmail;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.mail.MailConfig;
import com.example.ats.mail.MailKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * When a new consent text version is configured, tells every applicant whose file is kept with consent given to
 * another text, once, with what it says now and a link to withdraw. The first version a database sees is recorded
 * without mails: nothing changed for anyone.
 */
@ApplicationScoped
public class TextChangeAnnouncer {

    private static final ConsentQuestionRepository.Candidate START =
            new ConsentQuestionRepository.Candidate(new UUID(0, 0), Instant.EPOCH);

    private final ConsentQuestionRepository questions;
    private final QuestionAsker asker;
    private final ConsentTexts texts;
    private final ConsentMailConfig config;
    private final MailConfig mail;
    private final TextAnnouncementRepository announcements;
    private final Clock clock;

    TextChangeAnnouncer(
            ConsentQuestionRepository questions,
            QuestionAsker asker,
            ConsentTexts texts,
            ConsentMailConfig config,
            MailConfig mail,
            TextAnnouncementRepository announcements,
            Clock clock) {
        this.questions = questions;
        this.asker = asker;
        this.texts = texts;
        this.config = config;
        this.mail = mail;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Announces the current version where that is still to be done; returns how many this call told. */
    public int announce() {
        String version = texts.currentVersion();
        Instant now = clock.instant();
        // recorded even while mail is off, so a change made meanwhile is announced once mail is on again
        if (!QuarkusTransaction.requiringNew().call(() -> started(version, now)) || !mail.enabled()) {
            return 0;
        }
        int told = 0;
        ConsentQuestionRepository.Candidate from = START;
        while (true) {
            ConsentQuestionRepository.Candidate after = from;
            List<ConsentQuestionRepository.Candidate> batch = QuarkusTransaction.requiringNew()
                    .call(() -> questions.notToldOf(version, now, after, config.batchSize()));
            for (ConsentQuestionRepository.Candidate candidate : batch) {
                if (tell(candidate.id(), version, now)) {
                    told++;
                }
            }
            if (batch.size() < config.batchSize()) {
                break;
            }
            from = batch.getLast();
        }
        QuarkusTransaction.requiringNew().run(() -> announcements.finish(version, clock.instant()));
        return told;
    }

    /**
     * Whether the version's announcement is under way: recorded now as finished when the database has seen no
     * version before, as started when it has.
     */
    private boolean started(String version, Instant now) {
        boolean firstSeen = announcements.count() == 0;
        announcements.insertIfNew(version, now, firstSeen ? now : null);
        return announcements.unfinished(version);
    }

    private boolean tell(UUID applicationId, String version, Instant now) {
        try {
            return asker.ask(
                    applicationId,
                    application -> Optional.of(new QuestionAsker.Question(
                            ConsentQuestion.Purpose.TEXT_CHANGED,
                            version,
                            version,
                            earlier(now.plus(config.linkValidFor()), application.expiresAt),
                            MailKind.CONSENT_TEXT_CHANGED,
                            Map.of())),
                    now);
        } catch (RuntimeException e) {
            return QuestionAsker.skipped(applicationId, e);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
