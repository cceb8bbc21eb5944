package com.example.ats.consentmail;

import com.example.ats.application.AccessTokens;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.retention.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and answers a consent question by its link's token. Reading changes nothing (mail scanners and link
 * previews open links on their own); only the applicant's choice, posted by the page, is recorded, once.
 */
@ApplicationScoped
public class ConsentQuestionService {

    /** Where a question stands. */
    public enum State {
        OPEN,
        ANSWERED,
        EXPIRED,
        /** The consent it asks about is no longer in force, or the period it asks to extend changed. */
        NO_LONGER_APPLIES
    }

    /** What the applicant may choose on the page. */
    public enum Choice {
        RENEW,
        DECLINE,
        WITHDRAW
    }

    /** What the page shows. */
    public record View(
            ConsentQuestion.Purpose purpose,
            State state,
            String language,
            String consentText,
            Instant expiresAt,
            Instant renewedUntil,
            Instant validUntil,
            ConsentQuestion.Answer answer,
            Instant answeredAt) {}

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ConsentQuestionRepository questions;
    private final ApplicationRepository applications;
    private final RetentionConsentService consents;
    private final RetentionPolicy policy;
    private final ConsentTexts texts;
    private final Clock clock;

    ConsentQuestionService(
            ConsentQuestionRepository questions,
            ApplicationRepository applications,
            RetentionConsentService consents,
            RetentionPolicy policy,
            ConsentTexts texts,
            Clock clock) {
        this.questions = questions;
        this.applications = applications;
        this.consents = consents;
        this.policy = policy;
        this.texts = texts;
        this.clock = clock;
    }

    /** The question of this token, as it stands; empty for a token that names none (or no longer does). */
    @Transactional
    public Optional<View> read(String token) {
        return find(token, false).map(question -> view(question, applications.findById(question.applicationId)));
    }

    /**
     * Records the choice when the question is open and the choice is one it offers; returns the question as it
     * stands afterwards (not OPEN when it was answered before, expired or no longer applies: nothing is recorded).
     */
    @Transactional
    public Optional<View> answer(String token, Choice choice) {
        Optional<ConsentQuestion> unlocked = find(token, false);
        if (unlocked.isEmpty()) {
            return Optional.empty();
        }
        // the application first, then the question: the order a purge or a consent change takes them in
        Application application = applications
                .findByIdOptional(unlocked.get().applicationId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        Optional<ConsentQuestion> found = find(token, true);
        if (application == null || found.isEmpty()) {
            return Optional.empty();
        }
        ConsentQuestion question = found.get();
        View before = view(question, application);
        if (before.state() != State.OPEN) {
            return Optional.of(before);
        }
        if (!offers(question.purpose, choice)) {
            throw new IllegalArgumentException("not a choice of this question");
        }
        Instant now = clock.instant();
        switch (choice) {
            case RENEW ->
                consents.record(
                        application.id,
                        RetentionConsentService.Answer.renewal(shownVersion(question), application.expiresAt));
            case WITHDRAW -> consents.record(application.id, RetentionConsentService.Answer.withdrawalByMail());
            case DECLINE -> {
                // Nothing changes: the file is deleted on its date, as if the mail had not been answered.
            }
        }
        question.answer = switch (choice) {
            case RENEW -> ConsentQuestion.Answer.RENEWED;
            case DECLINE -> ConsentQuestion.Answer.DECLINED;
            case WITHDRAW -> ConsentQuestion.Answer.WITHDRAWN;
        };
        question.answeredAt = now;
        return Optional.of(new View(
                question.purpose,
                State.ANSWERED,
                application.language,
                texts.texts().get(shownVersion(question)),
                application.expiresAt,
                null,
                question.validUntil,
                question.answer,
                now));
    }

    /** The choices the page of this purpose offers. */
    public static boolean offers(ConsentQuestion.Purpose purpose, Choice choice) {
        return switch (purpose) {
            case RENEWAL -> choice == Choice.RENEW || choice == Choice.DECLINE;
            case TEXT_CHANGED -> choice == Choice.WITHDRAW;
        };
    }

    private Optional<ConsentQuestion> find(String token, boolean lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return questions.findByTokenHash(AccessTokens.hash(token), lock);
    }

    private View view(ConsentQuestion question, Application application) {
        State state;
        if (question.answeredAt != null) {
            state = State.ANSWERED;
        } else if (!clock.instant().isBefore(question.validUntil)) {
            state = State.EXPIRED;
        } else if (!consents.state(application).granted()
                || (question.purpose == ConsentQuestion.Purpose.RENEWAL
                        && (application.expiresAt == null
                                || !ConsentQuestionRepository.periodKey(application.expiresAt)
                                        .equals(question.askedFor)))) {
            state = State.NO_LONGER_APPLIES;
        } else {
            state = State.OPEN;
        }
        boolean renewable = question.purpose == ConsentQuestion.Purpose.RENEWAL && state == State.OPEN;
        return new View(
                question.purpose,
                state,
                application.language,
                texts.texts().get(shownVersion(question)),
                application.expiresAt,
                renewable ? policy.renewedUntil(application.expiresAt) : null,
                question.validUntil,
                question.answer,
                question.answeredAt);
    }

    /**
     * The text the page shows: for a renewal the current one (which the renewal records); for a notice the text it
     * announced, or the current one if that was removed since.
     */
    private String shownVersion(ConsentQuestion question) {
        return question.purpose == ConsentQuestion.Purpose.TEXT_CHANGED && texts.knows(question.textVersion)
                ? question.textVersion
                : texts.currentVersion();
    }

    /** Whether the question can still be answered: a mail about one that cannot is not sent. */
    @Transactional
    public boolean isOpen(java.util.UUID questionId) {
        return questions
                .findByIdOptional(questionId)
                .map(question -> view(question, applications.findById(question.applicationId))
                                .state()
                        == State.OPEN)
                .orElse(false);
    }
}
