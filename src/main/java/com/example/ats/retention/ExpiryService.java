package com.example.ats.retention;

import com.example.ats.application.Application;
import com.example.ats.consent.ConsentEvent;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.consent.ConsentKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Recomputes an application's expiry from its whole retention-consent history with the policy in force. */
@ApplicationScoped
public class ExpiryService {

    private final RetentionPolicy policy;
    private final ConsentEventRepository consents;

    ExpiryService(RetentionPolicy policy, ConsentEventRepository consents) {
        this.policy = policy;
        this.consents = consents;
    }

    /** Sets {@code expiresAt} and {@code policyVersion}; call in the transaction that changed the history. */
    public void recompute(Application application) {
        List<ConsentFact> history = consents.forApplication(application.id).stream()
                .filter(event -> event.kind == ConsentKind.RETENTION)
                .map(ExpiryService::fact)
                .toList();
        application.expiresAt = policy.expiresAt(application.appliedAt, application.procedureEndedAt, history)
                .orElse(null);
        application.policyVersion = policy.version();
    }

    private static ConsentFact fact(ConsentEvent event) {
        return switch (event.action) {
            case GRANTED -> ConsentFact.renewed(event.occurredAt, event.periodStartsAt);
            case REFUSED -> ConsentFact.refused(event.occurredAt);
            case WITHDRAWN -> ConsentFact.withdrawn(event.occurredAt);
        };
    }
}
