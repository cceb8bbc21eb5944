package com.example.ats.applicant;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.document.DownloadService;
import com.example.ats.document.ScanGate;
import com.example.ats.export.ApplicantDataService;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.export.ZipExport;
import com.example.ats.privacy.PrivacyRequest;
import com.example.ats.privacy.PrivacyRequestService;
import com.example.ats.purge.Erasure;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.retention.RetentionConsentState;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimits;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything an applicant may do with their own application, whichever face they use (the JSON self-service API or
 * the HTML portal): each action checks its rules, does its work and writes its audit event, here and nowhere else.
 * The faces only translate HTTP into these calls and the results (or refusals) back into answers.
 */
@ApplicationScoped
public class ApplicantActions {

    private static final String ACTOR = "applicant";

    private final ApplicantAuthentication authentication;
    private final ApplicantDataService data;
    private final DownloadService downloads;
    private final ZipExport export;
    private final Rectification rectification;
    private final RetentionConsentService consents;
    private final PrivacyRequestService privacyRequests;
    private final ApplicationRepository applications;
    private final Erasure erasure;
    private final AddressRemoval addressRemoval;
    private final AddressChange addressChange;
    private final AuditLog audit;
    private final RateLimits limits;
    private final Clock clock;

    ApplicantActions(
            ApplicantAuthentication authentication,
            ApplicantDataService data,
            DownloadService downloads,
            ZipExport export,
            Rectification rectification,
            RetentionConsentService consents,
            PrivacyRequestService privacyRequests,
            ApplicationRepository applications,
            Erasure erasure,
            AddressRemoval addressRemoval,
            AddressChange addressChange,
            AuditLog audit,
            RateLimits limits,
            Clock clock) {
        this.authentication = authentication;
        this.data = data;
        this.downloads = downloads;
        this.export = export;
        this.rectification = rectification;
        this.consents = consents;
        this.privacyRequests = privacyRequests;
        this.applications = applications;
        this.erasure = erasure;
        this.addressRemoval = addressRemoval;
        this.addressChange = addressChange;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    /** Signs in to the portal with the access code; 401 for a wrong code, 429 after too many from the address. */
    public UUID signIn(String accessCode, String clientAddress) {
        UUID id = authentication.authenticate(accessCode, clientAddress);
        audit.record(ACTOR, ACTOR, AuditAction.SELF_PORTAL_OPENED, id, null);
        return id;
    }

    /** Whether the application still exists (a session or a token outlives an erasure by nothing). */
    public boolean exists(UUID id) {
        return data.find(id, Locale.ENGLISH).isPresent();
    }

    /** Everything held, with what happens when, in the applicant's language. */
    public ApplicantDataView view(UUID id, Locale language) {
        ApplicantDataView view = data.view(id, language);
        audit.record(ACTOR, ACTOR, AuditAction.SELF_READ, id, null);
        return view;
    }

    /** One of the applicant's own files (also one still being scanned, never one found infected), streamed. */
    public Response download(UUID id, UUID documentId) {
        Response file = downloads.of(id, documentId, ScanGate.OWN_FILE);
        audit.record(ACTOR, ACTOR, AuditAction.SELF_DOCUMENT_DOWNLOADED, id, "document " + documentId);
        return file;
    }

    /** The data-portability archive, streamed. */
    public Response export(UUID id, Locale language) {
        Response archive = export.answer(data.view(id, language), ScanGate.OWN_FILE);
        audit.record(ACTOR, ACTOR, AuditAction.SELF_EXPORTED, id, null);
        return archive;
    }

    /**
     * A correction of the applicant's details (JSON Merge Patch) under the intake rules. A new e-mail address is not
     * taken yet: a link goes to it, and it takes effect when its owner uses it ({@link #confirmAddress}).
     */
    public Rectification.Corrected correct(UUID id, JsonNode patch) {
        countChange(id);
        Rectification.Corrected corrected = rectification.apply(id, patch);
        audit.record(ACTOR, ACTOR, AuditAction.RECTIFIED, id, "fields=" + String.join(",", corrected.changed()));
        if (corrected.newEmail() != null) {
            addressChange.ask(id, corrected.newEmail());
            audit.record(ACTOR, ACTOR, AuditAction.ADDRESS_CONFIRMATION_SENT, id, null);
        }
        return corrected;
    }

    /** What an address link would confirm (the application's day, the new address); nothing is changed. */
    public Optional<AddressChange.Confirmable> addressToConfirm(String token) {
        return addressChange.peek(token);
    }

    /** Uses an address link: its address becomes the application's, the old one is told. Empty: the link is dead. */
    public Optional<UUID> confirmAddress(String token) {
        Optional<UUID> confirmed = addressChange.confirm(token);
        confirmed.ifPresent(id -> audit.record(ACTOR, ACTOR, AuditAction.ADDRESS_CONFIRMED, id, null));
        return confirmed;
    }

    /** Gives (to the consent text of that version) or withdraws the consent to keep the file. */
    public RetentionConsentState answerConsent(UUID id, boolean granted, String textVersion) {
        countChange(id);
        RetentionConsentState state =
                consents.record(id, RetentionConsentService.Answer.applicants(granted, textVersion));
        audit.record(ACTOR, ACTOR, AuditAction.CONSENT_RECORDED, id, state.lastAction() + " via WEB");
        return state;
    }

    /**
     * An objection: a withdrawal of the retention consent (the deletion date moves as for a withdrawal) plus an
     * OBJECTION request for the privacy officer, in one transaction. The reason is checked here, so no face can let a
     * citizen service number or a control character into the privacy register.
     */
    public RetentionConsentState object(UUID id, @Valid Objection objection) {
        countChange(id);
        String reason = objection == null
                        || objection.reason() == null
                        || objection.reason().isBlank()
                ? null
                : objection.reason().strip();
        RetentionConsentState state = QuarkusTransaction.joiningExisting().call(() -> {
            RetentionConsentState withdrawn =
                    consents.record(id, RetentionConsentService.Answer.applicants(false, null));
            Application application = applications.findById(id);
            if (privacyRequests.isOpenFor(PrivacyRequest.Type.OBJECTION, id)) {
                return withdrawn; // one open objection per application: the privacy officer has it already
            }
            privacyRequests.registerFor(
                    id,
                    new PrivacyRequestService.Registration(
                            PrivacyRequest.Type.OBJECTION,
                            application.applicant.email,
                            clock.instant(),
                            "WEB",
                            PrivacyRequestService.BY_APPLICANT,
                            reason,
                            application.mailLanguage().getLanguage()));
            return withdrawn;
        });
        audit.record(ACTOR, ACTOR, AuditAction.OBJECTED, id, null);
        return state;
    }

    /** Erases the application now by the purge's own steps; a legal hold in force stops it (409). */
    public void erase(UUID id) {
        erasure.erase(
                id,
                "Your application must be kept for a legal reason for now; the privacy officer will contact you about"
                        + " your request");
        audit.record(ACTOR, ACTOR, AuditAction.ERASED_ON_REQUEST, id, null);
    }

    /** What a receipt's "this was not me" link opens: the day of the application, and whether the address is in it. */
    public record AddressLink(Instant appliedAt, boolean addressHeld) {}

    /** The application a "this was not me" link names, while the link is right; nothing is changed or recorded. */
    public Optional<AddressLink> addressLink(UUID id, String token) {
        return addressRemoval.read(id, token);
    }

    /**
     * Takes the recipient's address out of the application their receipt was about (the receipt's "this was not me"
     * link), and records that it was done, not the address. Empty for a link that is not right.
     */
    public Optional<AddressLink> removeAddress(UUID id, String token) {
        Optional<Boolean> removed = addressRemoval.remove(id, token);
        if (removed.orElse(false)) {
            audit.record("recipient", "recipient", AuditAction.ADDRESS_REMOVED_BY_RECIPIENT, id, null);
        }
        return removed.flatMap(done -> addressRemoval.read(id, token));
    }

    /** A change to the file counts against the application's limit, whoever holds its code (429 over it). */
    private void countChange(UUID id) {
        RateLimits.Verdict verdict = limits.take(RateLimit.APPLICANT_ACTIONS, id.toString());
        if (!verdict.allowed()) {
            throw RateLimits.refusal(verdict, "Too many changes to this application in a short time");
        }
    }
}
