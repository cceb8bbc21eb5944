package com.example.ats.intake;

import com.example.ats.document.Document;
import com.example.ats.document.ScanState;
import com.example.ats.scan.MalwareScanner;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.example.ats.vacancy.Vacancy;
import com.example.ats.vacancy.VacancyRepository;
import com.example.ats.vacancy.VacancyStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes an application in all or nothing: checks the form, the vacancy and every file (format, active content,
 * malware), then writes every row in one transaction. The files are in the store already, streamed there by
 * {@link IntakeReceiver} while they arrived (ADR 0019), from the API and the apply page alike: on any failure their
 * {@link Reception} removes them again, and the {@link OrphanSweep} catches what a crash leaves.
 */
@ApplicationScoped
public class IntakeService {

    private final ApplicantRules rules;
    private final VacancyRepository vacancies;
    private final FilePreparer preparer;
    private final IdempotentReplay replay;
    private final IntakeRecorder recorder;
    private final MalwareScanner scanner;
    private final Clock clock;

    IntakeService(
            ApplicantRules rules,
            VacancyRepository vacancies,
            FilePreparer preparer,
            IdempotentReplay replay,
            IntakeRecorder recorder,
            MalwareScanner scanner,
            Clock clock) {
        this.rules = rules;
        this.vacancies = vacancies;
        this.preparer = preparer;
        this.replay = replay;
        this.recorder = recorder;
        this.scanner = scanner;
        this.clock = clock;
    }

    /** What an intake produced, and whether it is the replay of an earlier request with the same key. */
    public record Outcome(ApplicationReceipt receipt, boolean replayed) {}

    /**
     * @param reception the request as received: the new application's id, its files (streamed to the store already,
     *     under its keys, and removed by the caller's closing of the reception unless a committed application
     *     references them) and the data key they were encrypted with
     * @param formJson the `application` part as received, part of the request's fingerprint for idempotency
     * @param clientKey the client's Idempotency-Key in its scope, or null
     * @param channel how it came in, for the statistics ({@link IntakeChannel})
     */
    public Outcome submit(
            Reception reception,
            ApplicationForm form,
            String formJson,
            IdempotentReplay.ClientKey clientKey,
            Locale language,
            String channel) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so replays match
        UUID applicationId = reception.applicationId();
        List<IncomingFile> files = reception.files();
        checkVacancy(form);
        rules.check(form);
        List<PreparedFile> prepared = files.stream().map(preparer::prepare).toList();
        String fingerprint = Fingerprint.of(formJson, prepared);

        if (clientKey != null) {
            Optional<ApplicationReceipt> earlier = replay.find(clientKey, fingerprint, now);
            if (earlier.isPresent()) {
                return new Outcome(earlier.get(), true);
            }
        }

        List<MalwareScanner.Result> scans = scan(prepared);
        String token = replay.tokenFor(applicationId, clientKey, fingerprint);
        try {
            List<Document> stored = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                stored.add(document(applicationId, prepared.get(i), scans.get(i), now));
            }
            ApplicationReceipt receipt = recorder.record(new IntakeRecorder.Accepted(
                    applicationId,
                    form,
                    stored,
                    reception.dataKey(),
                    token,
                    clientKey,
                    fingerprint,
                    now,
                    language,
                    channel));
            Log.infof("Application %s received with %d document(s)", applicationId, stored.size());
            return new Outcome(receipt, false);
        } catch (RuntimeException e) {
            if (clientKey != null && isConflict(e)) {
                // a concurrent request with the same key won the race: answer as its replay
                return replay.find(clientKey, fingerprint, now)
                        .map(receipt -> new Outcome(receipt, true))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private void checkVacancy(ApplicationForm form) {
        if (form.vacancyId() != null) {
            Optional<Vacancy> vacancy =
                    QuarkusTransaction.requiringNew().call(() -> vacancies.findByIdOptional(form.vacancyId()));
            if (vacancy.isEmpty() || vacancy.get().status != VacancyStatus.OPEN) {
                throw ApiException.invalidField("vacancyId", "is not an open vacancy");
            }
        }
    }

    /** Scans the received copies before a byte is stored: an infected file refuses the intake, nothing is kept. */
    private List<MalwareScanner.Result> scan(List<PreparedFile> prepared) {
        List<MalwareScanner.Result> scans = scanner.scanReceived(
                prepared.stream().map(f -> f.incoming().path()).toList());
        for (int i = 0; i < prepared.size(); i++) {
            MalwareScanner.Result scan = scans.get(i);
            if (scan.state() == ScanState.INFECTED) {
                // the signature goes to the log only: told to the sender, it would help tune an evasion
                String part = prepared.get(i).incoming().part();
                Log.warnf("Intake refused: %s in part %s; nothing was kept", scan.signature(), part);
                throw new ApiException(
                        ProblemType.VALIDATION_FAILED,
                        scan.uncheckable()
                                ? "The file in part '" + part + "' cannot be checked for malware (it is encrypted,"
                                        + " or packed too deep or too large to look into) and was not accepted;"
                                        + " nothing of this application was kept"
                                : "The file in part '" + part + "' contains malware and was not accepted; nothing"
                                        + " of this application was kept",
                        List.of(new Problem.FieldError(
                                part, scan.uncheckable() ? "cannot be checked for malware" : "contains malware")));
            }
        }
        return scans;
    }

    /** The row of a file the receiver already streamed to the store (its {@code Reception} keeps or removes it). */
    private static Document document(UUID applicationId, PreparedFile file, MalwareScanner.Result scan, Instant now) {
        IncomingFile.Stored stored = file.incoming().stored();
        Document document = new Document();
        document.id = stored.documentId();
        document.applicationId = applicationId;
        document.kind = file.kind();
        document.fileName = file.fileName();
        document.mediaType = file.format().mediaType();
        document.sizeBytes = file.size();
        document.sha256 = file.sha256();
        document.objectKey = stored.key();
        document.encrypted = stored.encrypted();
        document.createdAt = now;
        document.scanState = scan.state();
        document.scanDatabase = scan.database();
        document.scannedAt = scan.scannedAt();
        return document;
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
