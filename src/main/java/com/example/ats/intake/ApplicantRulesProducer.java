package com.example.ats.intake;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.retention.RetentionConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one {@link ApplicantRules} of the service: the age limit from the intake settings, the retention zone. */
public class ApplicantRulesProducer {

    @Produces
    @Singleton
    ApplicantRules rules(Clock clock, RetentionConfig retention, IntakeConfig intake, ConsentTexts texts) {
        return new ApplicantRules(
                clock,
                retention.zone(),
                intake.parentalConsentBelowAge(),
                texts.texts().keySet());
    }
}
