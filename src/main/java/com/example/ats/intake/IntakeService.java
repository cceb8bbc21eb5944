package com.example.ats.intake;

import com.example.ats.application.AccessTokens;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.application.StatusChange;
import com.example.ats.application.StatusChangeRepository;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.consent.ConsentEvent;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.consent.ConsentKind;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.document.Document;
import com.example.ats.document.DocumentKind;
import com.example.ats.document.DocumentRepository;
import com.example.ats.retention.ConsentFact;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import com.example.ats.vacancy.Vacancy;
import com.example.ats.vacancy.VacancyRepository;
import com.example.ats.vacancy.VacancyStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes an application in all or nothing: checks everything that can be checked before a byte is stored, uploads
 * the files under generated keys with their SHA-256 verified by the store, then writes every row in one
 * transaction. Any failure removes the files already written; the {@link OrphanSweep} catches what a crash leaves.
 */
@ApplicationScoped
public class IntakeService {

    static final String APPLICANT_ACTOR = "applicant";

    private final IntakeConfig config;
    private final FileInspector inspector;
    private final ObjectStore store;
    private final RetentionPolicy policy;
    private final RetentionConfig retention;
    private final ConsentTexts consentTexts;
    private final Clock clock;
    private final VacancyRepository vacancies;
    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final ConsentEventRepository consents;
    private final StatusChangeRepository statusChanges;
    private final IdempotencyKeyRepository idempotencyKeys;

    IntakeService(
            IntakeConfig config,
            FileInspector inspector,
            ObjectStore store,
            RetentionPolicy policy,
            RetentionConfig retention,
            ConsentTexts consentTexts,
            Clock clock,
            VacancyRepository vacancies,
            ApplicationRepository applications,
            DocumentRepository documents,
            ConsentEventRepository consents,
            StatusChangeRepository statusChanges,
            IdempotencyKeyRepository idempotencyKeys) {
        this.config = config;
        this.inspector = inspector;
        this.store = store;
        this.policy = policy;
        this.retention = retention;
        this.consentTexts = consentTexts;
        this.clock = clock;
        this.vacancies = vacancies;
        this.applications = applications;
        this.documents = documents;
        this.consents = consents;
        this.statusChanges = statusChanges;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** What an intake produced, and whether it is the replay of an earlier request with the same key. */
    public record Outcome(ApplicationReceipt receipt, boolean replayed) {}

    /**
     * @param formJson the `application` part as received, part of the request's fingerprint for idempotency
     * @param idempotencyKey the client's key, or null
     */
    public Outcome submit(ApplicationForm form, String formJson, List<IncomingFile> files, String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so replays match
        checkRules(form, now);
        List<PreparedFile> prepared = files.stream().map(this::prepare).toList();
        String fingerprint = Fingerprint.of(formJson, prepared);

        if (idempotencyKey != null) {
            Optional<Outcome> earlier = replay(idempotencyKey, fingerprint, now);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }

        UUID applicationId = UUID.randomUUID();
        String token = idempotencyKey == null
                ? AccessTokens.random()
                : AccessTokens.derived(config.tokenSecret(), applicationId.toString(), idempotencyKey, fingerprint);
        List<String> written = new ArrayList<>();
        try {
            List<Document> stored = new ArrayList<>();
            for (PreparedFile file : prepared) {
                stored.add(upload(applicationId, file, now, written));
            }
            ApplicationReceipt receipt = QuarkusTransaction.requiringNew()
                    .call(() -> persist(applicationId, form, stored, token, idempotencyKey, fingerprint, now));
            Log.infof("Application %s received with %d document(s)", applicationId, stored.size());
            return new Outcome(receipt, false);
        } catch (RuntimeException e) {
            removeQuietly(written);
            if (idempotencyKey != null && isConflict(e)) {
                // a concurrent request with the same key won the race: answer as its replay
                return replay(idempotencyKey, fingerprint, now).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Rules that need the clock or the database; the form's own constraints were checked already. */
    private void checkRules(ApplicationForm form, Instant now) {
        if (form.vacancyId() != null) {
            Optional<Vacancy> vacancy =
                    QuarkusTransaction.requiringNew().call(() -> vacancies.findByIdOptional(form.vacancyId()));
            if (vacancy.isEmpty() || vacancy.get().status != VacancyStatus.OPEN) {
                throw ApiException.invalidField("vacancyId", "is not an open vacancy");
            }
        }
        if (Boolean.TRUE.equals(form.retentionConsent().granted())
                && (form.retentionConsent().textVersion() == null
                        || form.retentionConsent().textVersion().isBlank())) {
            throw ApiException.invalidField(
                    "retentionConsent.textVersion", "is required when consent is granted: which text was shown");
        }
        LocalDate birthDate = form.applicant().birthDate();
        LocalDate today = LocalDate.ofInstant(now, retention.zone());
        boolean minor = false;
        if (birthDate != null) {
            if (birthDate.isAfter(today)) {
                throw ApiException.invalidField("applicant.birthDate", "must be in the past");
            }
            if (birthDate.isBefore(today.minusYears(120))) {
                throw ApiException.invalidField("applicant.birthDate", "is not a plausible date of birth");
            }
            minor = Period.between(birthDate, today).getYears() < config.parentalConsentBelowAge();
        }
        if (minor && form.parentalConsent() == null) {
            throw ApiException.invalidField(
                    "parentalConsent",
                    "is required: the applicant is younger than " + config.parentalConsentBelowAge()
                            + " on the application date");
        }
        if (!minor && form.parentalConsent() != null) {
            throw ApiException.invalidField(
                    "parentalConsent",
                    "is only taken for applicants younger than " + config.parentalConsentBelowAge()
                            + " (with their birth date); leave it out");
        }
    }

    private PreparedFile prepare(IncomingFile file) {
        long size = Fingerprint.size(file.path());
        if (size == 0) {
            throw ApiException.invalidField(file.part(), "is empty");
        }
        if (size > config.maxFileSize().asLongValue()) {
            throw new ApiException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The file in part '" + file.part() + "' is larger than "
                            + config.maxFileSize().asLongValue() + " bytes",
                    List.of(new Problem.FieldError(file.part(), "too large")));
        }
        DocumentFormat format = inspector.inspect(file.part(), file.path());
        DocumentKind kind = IntakeParts.kindOf(file.part());
        String name =
                FileNames.sanitise(file.clientFileName(), format, kind.name().toLowerCase());
        return new PreparedFile(file, kind, format, name, size, Fingerprint.sha256(file.path()));
    }

    private Document upload(UUID applicationId, PreparedFile file, Instant now, List<String> written) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.applicationId = applicationId;
        document.kind = file.kind();
        document.fileName = file.fileName();
        document.mediaType = file.format().mediaType();
        document.sizeBytes = file.size();
        document.sha256 = file.sha256();
        document.objectKey = ObjectKeys.of(applicationId, document.id);
        document.createdAt = now;
        written.add(document.objectKey);
        store.putFile(
                document.objectKey,
                file.incoming().path(),
                document.mediaType,
                Map.of(
                        "application-id",
                        applicationId.toString(),
                        "kind",
                        file.kind().name()));
        return document;
    }

    private ApplicationReceipt persist(
            UUID applicationId,
            ApplicationForm form,
            List<Document> stored,
            String token,
            String idempotencyKey,
            String fingerprint,
            Instant now) {
        boolean granted = form.retentionConsent().granted();
        Application application = new Application();
        application.id = applicationId;
        application.vacancyId = form.vacancyId();
        application.status = ApplicationStatus.RECEIVED;
        application.appliedAt = now;
        application.accessTokenHash = AccessTokens.hash(token);
        application.expiresAt = policy.expiresAt(
                        now, null, List.of(granted ? ConsentFact.granted(now) : ConsentFact.refused(now)))
                .orElse(null);
        application.policyVersion = policy.version();
        application.applicant = ApplicantMapping.toEntity(form.applicant(), application);
        applications.persist(application);
        stored.forEach(documents::persist);
        consents.persist(retentionConsent(applicationId, form.retentionConsent(), now));
        if (form.parentalConsent() != null) {
            consents.persist(parentalConsent(applicationId, form.parentalConsent(), now));
        }
        statusChanges.persist(received(applicationId, now));
        if (idempotencyKey != null) {
            idempotencyKeys.deleteExpired(idempotencyKey, now); // an expired one may still be there
            IdempotencyKey key = new IdempotencyKey();
            key.key = idempotencyKey;
            key.requestSha256 = fingerprint;
            key.applicationId = applicationId;
            key.createdAt = now;
            key.expiresAt = now.plus(config.idempotencyKeyLifetime());
            idempotencyKeys.persist(key);
        }
        applications.flush();
        return receipt(application, stored, granted, token);
    }

    private Optional<Outcome> replay(String idempotencyKey, String fingerprint, Instant now) {
        return QuarkusTransaction.requiringNew()
                .call(() -> idempotencyKeys.alive(idempotencyKey, now).map(key -> {
                    if (!key.requestSha256.equals(fingerprint)) {
                        throw new ApiException(
                                ProblemType.VALIDATION_FAILED,
                                "This Idempotency-Key was used for a different request; use a new key for a new"
                                        + " application");
                    }
                    Application application = applications
                            .findByIdOptional(key.applicationId)
                            .orElseThrow(() -> new ApiException(
                                    ProblemType.CONFLICT,
                                    "The application created with this Idempotency-Key no longer exists"));
                    boolean granted = consents.forApplication(application.id).stream()
                            .filter(e -> e.kind == ConsentKind.RETENTION)
                            .reduce((first, second) -> second)
                            .map(e -> e.action == ConsentAction.GRANTED)
                            .orElse(false);
                    String token = AccessTokens.derived(
                            config.tokenSecret(), application.id.toString(), idempotencyKey, fingerprint);
                    return new Outcome(
                            receipt(application, documents.forApplication(application.id), granted, token), true);
                }));
    }

    private ConsentEvent retentionConsent(
            UUID applicationId, ApplicationForm.RetentionConsentAnswer answer, Instant now) {
        ConsentEvent event = new ConsentEvent();
        event.applicationId = applicationId;
        event.kind = ConsentKind.RETENTION;
        event.action = answer.granted() ? ConsentAction.GRANTED : ConsentAction.REFUSED;
        event.occurredAt = now;
        event.channel = ConsentChannel.WEB;
        event.textVersion = answer.textVersion();
        event.textSha256 = answer.textVersion() == null
                ? null
                : consentTexts.sha256Of(answer.textVersion()).orElse(null);
        return event;
    }

    private static ConsentEvent parentalConsent(
            UUID applicationId, ApplicationForm.ParentalConsentAnswer answer, Instant now) {
        ConsentEvent event = new ConsentEvent();
        event.applicationId = applicationId;
        event.kind = ConsentKind.PARENTAL;
        event.action = ConsentAction.GRANTED;
        event.occurredAt = now;
        event.channel = ConsentChannel.WEB;
        event.guardianName = answer.guardianName();
        event.guardianEmail = answer.guardianEmail();
        return event;
    }

    private static StatusChange received(UUID applicationId, Instant now) {
        StatusChange change = new StatusChange();
        change.applicationId = applicationId;
        change.toStatus = ApplicationStatus.RECEIVED;
        change.changedAt = now;
        change.changedBy = APPLICANT_ACTOR;
        change.changedByRole = APPLICANT_ACTOR;
        return change;
    }

    private static ApplicationReceipt receipt(
            Application application, List<Document> stored, boolean granted, String token) {
        return new ApplicationReceipt(
                application.id,
                application.vacancyId,
                application.status,
                application.appliedAt,
                application.expiresAt,
                granted,
                stored.stream()
                        .map(d -> new ApplicationReceipt.StoredDocument(
                                d.id, d.kind.name(), d.fileName, d.mediaType, d.sizeBytes, d.sha256))
                        .toList(),
                token);
    }

    private void removeQuietly(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            store.delete(keys);
        } catch (RuntimeException e) {
            Log.warnf("Could not remove %d object(s) of a failed intake; the orphan sweep will", keys.size());
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof PersistenceException
                            && t.getMessage() != null
                            && t.getMessage().contains("23505")) {
                return true;
            }
        }
        return false;
    }
}
