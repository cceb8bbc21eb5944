package com.example.ats.consent;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Builds consent events the one way every channel records them: intake, self-service and staff. */
@ApplicationScoped
public class ConsentEventFactory {

    private final ConsentTexts texts;

    ConsentEventFactory(ConsentTexts texts) {
        this.texts = texts;
    }

    /**
     * A retention-consent event; the SHA-256 of the text's wording is recorded when the service knows the version.
     *
     * @param recordedBy the staff member who recorded it, or null for the applicant's own answer
     */
    public ConsentEvent retention(
            UUID applicationId,
            ConsentAction action,
            Instant at,
            ConsentChannel channel,
            String textVersion,
            String recordedBy) {
        ConsentEvent event = new ConsentEvent();
        event.applicationId = applicationId;
        event.kind = ConsentKind.RETENTION;
        event.action = action;
        event.occurredAt = at;
        event.channel = channel;
        event.textVersion = textVersion;
        event.textSha256 =
                textVersion == null ? null : texts.sha256Of(textVersion).orElse(null);
        event.recordedBy = recordedBy;
        return event;
    }

    /** A parent's or guardian's consent given with the application of an applicant under 16. */
    public ConsentEvent parental(UUID applicationId, Instant at, String guardianName, String guardianEmail) {
        ConsentEvent event = new ConsentEvent();
        event.applicationId = applicationId;
        event.kind = ConsentKind.PARENTAL;
        event.action = ConsentAction.GRANTED;
        event.occurredAt = at;
        event.channel = ConsentChannel.WEB;
        event.guardianName = guardianName;
        event.guardianEmail = guardianEmail;
        return event;
    }
}
