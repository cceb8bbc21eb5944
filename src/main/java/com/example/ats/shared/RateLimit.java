package com.example.ats.shared;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Every rate limit of the service, declared here and nowhere else: what it counts by, and the settings that size it
 * ({@code capacity} attempts, refilled evenly over {@code period}). Applied through {@link RateLimits}: by the
 * {@link RateLimited} annotation on an API method, or by the one class that must answer a refusal its own way.
 */
public enum RateLimit {
    /** Applications posted, API and apply page together, per client address. */
    INTAKE("ats.intake.rate-limit-capacity", "ats.intake.rate-limit-period"),
    /** Reads of the job board and the consent pages, per client address. */
    PUBLIC_READS("ats.intake.public-read-limit-capacity", "ats.intake.rate-limit-period"),
    /** Wrong applicant tokens, per client address (only failures count). */
    TOKEN_GUESSING("ats.self.failed-token-limit", "ats.self.failed-token-period"),
    /** Sign-in links asked for, per client address. */
    SIGN_IN_LINKS_PER_CLIENT("ats.self.sign-in-links-per-client", "ats.self.sign-in-link-period"),
    /** Sign-in links sent to one e-mail address (by its hash), whoever asks. */
    SIGN_IN_LINKS_PER_ADDRESS("ats.self.sign-in-links-per-address", "ats.self.sign-in-link-period"),
    /** Receipts mailed to one e-mail address (anyone can apply with anyone's address): the rest are not sent. */
    RECEIPTS_PER_RECIPIENT("ats.mail.receipts-per-address", "ats.mail.receipts-period"),
    /** New e-mail addresses an applicant gives per application (each is mailed a link), whatever the address. */
    ADDRESS_LINKS_PER_APPLICATION("ats.self.address-links-per-application", "ats.self.address-links-period"),
    /** An applicant's own actions that change their file (objection, consent, correction), per application. */
    APPLICANT_ACTIONS("ats.self.actions-per-token", "ats.self.actions-period");

    private final String capacitySetting;
    private final String periodSetting;

    RateLimit(String capacitySetting, String periodSetting) {
        this.capacitySetting = capacitySetting;
        this.periodSetting = periodSetting;
    }

    long capacity(Config config) {
        return config.getValue(capacitySetting, Long.class);
    }

    Duration period(Config config) {
        return config.getValue(periodSetting, Duration.class);
    }
}
