package com.example.ats.mail;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which mails an application's applicant was sent, when: no addresses, no bodies. */
@Schema(name = "MailLog")
public record MailLogView(List<Entry> items) {

    @Schema(name = "MailLogEntry")
    public record Entry(
            MailKind kind,
            @Schema(description = "nl or en") String language,
            MailMessage.State state,
            Instant queuedAt,
            Instant sentAt,
            int attempts,

            @Schema(description = "SENT, SMTP_FAILED (retried), or GONE (the application went first)")
            String lastOutcome) {

        static Entry of(MailMessage message) {
            return new Entry(
                    message.kind,
                    message.language,
                    message.state,
                    message.createdAt,
                    message.sentAt,
                    message.attempts,
                    message.lastOutcome);
        }
    }
}
