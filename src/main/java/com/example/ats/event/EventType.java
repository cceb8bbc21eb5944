package com.example.ats.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an event tells about. The wire name is the contract's (`application.purged`); the subject names the id an
 * integrator reads through the API, and orders deliveries: events about one subject arrive in the order they happened.
 */
public enum EventType {
    APPLICATION_RECEIVED("application.received", Subject.APPLICATION),
    APPLICATION_STATUS_CHANGED("application.status_changed", Subject.APPLICATION),
    APPLICATION_CONSENT_CHANGED("application.consent_changed", Subject.APPLICATION),
    APPLICATION_LEGAL_HOLD_CHANGED("application.legal_hold_changed", Subject.APPLICATION),
    APPLICATION_RECTIFIED("application.rectified", Subject.APPLICATION),
    APPLICATION_ERASED("application.erased", Subject.APPLICATION),
    APPLICATION_PURGED("application.purged", Subject.APPLICATION),
    VACANCY_OPENED("vacancy.opened", Subject.VACANCY),
    VACANCY_CHANGED("vacancy.changed", Subject.VACANCY),
    VACANCY_CLOSED("vacancy.closed", Subject.VACANCY),
    PRIVACY_REQUEST_REGISTERED("privacy_request.registered", Subject.PRIVACY_REQUEST),
    PRIVACY_REQUEST_CLOSED("privacy_request.closed", Subject.PRIVACY_REQUEST),
    WEBHOOK_DISABLED("webhook.disabled", Subject.WEBHOOK);

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

    EventType(String wireName, Subject subject) {
        this.wireName = wireName;
        this.subject = subject;
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
