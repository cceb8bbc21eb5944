package com.example.ats.consentmail;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.mail.MailConfig;
import com.example.ats.mail.MailKind;
import com.example.ats.retention.RetentionPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A configurable number of days before a consented period ends, asks the applicant by e-mail whether to keep the
 * file another period: once per period, never under a legal hold or for a withdrawn application. No answer changes
 * nothing: the file is deleted on its date.
 */
@ApplicationScoped
public class RenewalAsker {

    private final ConsentQuestionRepository questions;
    private final QuestionAsker asker;
    private final RetentionPolicy policy;
    private final ConsentTexts texts;
    private final ConsentMailConfig config;
    private final MailConfig mail;
    private final Clock clock;

    RenewalAsker(
            ConsentQuestionRepository questions,
            QuestionAsker asker,
            RetentionPolicy policy,
            ConsentTexts texts,
            ConsentMailConfig config,
            MailConfig mail,
            Clock clock) {
        this.questions = questions;
        this.asker = asker;
        this.policy = policy;
        this.texts = texts;
        this.config = config;
        this.mail = mail;
        this.clock = clock;
    }

    /** Asks every application now due; returns how many were asked by this call. */
    public int askDue() {
        if (!mail.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant horizon = now.plus(Duration.ofDays(config.renewalDaysBefore()));
        int asked = 0;
        while (true) {
            List<UUID> due = QuarkusTransaction.requiringNew()
                    .call(() -> questions.dueForRenewal(now, horizon, config.batchSize()));
            int askedNow = 0;
            for (UUID id : due) {
                if (ask(id, now)) {
                    askedNow++;
                }
            }
            asked += askedNow;
            if (due.size() < config.batchSize() || askedNow == 0) {
                return asked;
            }
        }
    }

    private boolean ask(UUID applicationId, Instant now) {
        try {
            return asker.ask(
                    applicationId,
                    application -> Optional.of(new QuestionAsker.Question(
                            ConsentQuestion.Purpose.RENEWAL,
                            ConsentQuestionRepository.periodKey(application.expiresAt),
                            texts.currentVersion(),
                            application.expiresAt,
                            MailKind.CONSENT_RENEWAL,
                            Map.of(
                                    "renewedUntil",
                                    policy.renewedUntil(application.expiresAt).toString()))),
                    now);
        } catch (RuntimeException e) {
            return QuestionAsker.skipped(applicationId, e);
        }
    }
}
