package com.example.ats.event;

import com.example.ats.shared.Roles;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What an event tells about. The wire name is the contract's (`application.purged`); the subject names the id an
 * integrator reads through the API, and orders deliveries: events about one subject arrive in the order they happened.
 */
public enum EventType {
    APPLICATION_RECEIVED(
            "application.received",
            Subject.APPLICATION,
            Readers.HR,
            "vacancyId",
            "status",
            "retentionConsent",
            "expiresAt"),
    APPLICATION_STATUS_CHANGED(
            "application.status_changed", Subject.APPLICATION, Readers.HR, "from", "to", "expiresAt"),
    APPLICATION_CONSENT_CHANGED(
            "application.consent_changed", Subject.APPLICATION, Readers.HR, "retentionConsent", "channel", "expiresAt"),
    APPLICATION_LEGAL_HOLD_CHANGED("application.legal_hold_changed", Subject.APPLICATION, Readers.HR, "held", "until"),
    APPLICATION_RECTIFIED("application.rectified", Subject.APPLICATION, Readers.HR, "fields"),
    APPLICATION_ERASED("application.erased", Subject.APPLICATION, Readers.HR, "reason", "replayed"),
    APPLICATION_PURGED("application.purged", Subject.APPLICATION, Readers.HR, "reason", "replayed"),
    VACANCY_OPENED("vacancy.opened", Subject.VACANCY, Readers.HR, "status"),
    VACANCY_CHANGED("vacancy.changed", Subject.VACANCY, Readers.HR, "status"),
    VACANCY_CLOSED("vacancy.closed", Subject.VACANCY, Readers.HR, "status"),
    PRIVACY_REQUEST_REGISTERED(
            "privacy_request.registered", Subject.PRIVACY_REQUEST, Readers.PRIVACY, "requestType", "dueAt"),
    PRIVACY_REQUEST_CLOSED(
            "privacy_request.closed", Subject.PRIVACY_REQUEST, Readers.PRIVACY, "requestType", "outcomeCode"),
    WEBHOOK_DISABLED("webhook.disabled", Subject.WEBHOOK, Readers.ADMIN, "reason");

    /**
     * Who may read events of a type, in the feed or by webhook: what HR tools may know. Privacy requests are the
     * privacy officer's alone (an HR tool could otherwise tell who objected); a disabled subscription is an HR
     * admin's concern (one client must not learn of another's).
     */
    enum Readers {
        HR(Roles.HR_ADMIN, Roles.HR_INTEGRATION),
        PRIVACY(Roles.PRIVACY_OFFICER),
        ADMIN(Roles.HR_ADMIN);

        private final Set<String> roles;

        Readers(String... roles) {
            this.roles = Set.of(roles);
        }
    }

    /** What the subject id of an event names; also the key of that id in the event's data. */
    public enum Subject {
        APPLICATION("applicationId"),
        VACANCY("vacancyId"),
        PRIVACY_REQUEST("privacyRequestId"),
        WEBHOOK("webhookId");

        private final String idField;

        Subject(String idField) {
            this.idField = idField;
        }

        public String idField() {
            return idField;
        }
    }

    private final String wireName;
    private final Subject subject;
    private final Readers readers;
    private final Set<String> dataKeys;

    EventType(String wireName, Subject subject, Readers readers, String... dataKeys) {
        this.wireName = wireName;
        this.subject = subject;
        this.readers = readers;
        this.dataKeys = Set.of(dataKeys);
    }

    /** Whether a caller with these roles may read events of this type. */
    public boolean readableBy(Predicate<String> hasRole) {
        return readers.roles.stream().anyMatch(hasRole);
    }

    /** The names its data may hold besides the subject's id: nothing else is written. */
    Set<String> dataKeys() {
        return dataKeys;
    }

    public String wireName() {
        return wireName;
    }

    public Subject subject() {
        return subject;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** Every wire name, for messages and the contract. */
    public static String wireNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(EventType::wireName).toList());
    }
}
