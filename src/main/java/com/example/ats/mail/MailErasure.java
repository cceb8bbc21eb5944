package com.example.ats.mail;

import com.example.ats.purge.ApplicationsRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** When applications are purged or erased, their queued mails and their mail log go in the same transaction. */
@ApplicationScoped
public class MailErasure {

    private final MailMessageRepository messages;

    MailErasure(MailMessageRepository messages) {
        this.messages = messages;
    }

    void onApplicationsRemoved(@Observes ApplicationsRemoved removed) {
        if (!removed.applicationIds().isEmpty()) {
            messages.deleteForApplications(removed.applicationIds());
        }
    }
}
