package com.example.ats.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "ats.mail")
public interface MailConfig {

    /** The SMTP server's host, or {@code off}: then no mail is queued or sent. */
    String host();

    int port();

    /** The sender, e.g. {@code Werving en selectie <no-reply@example.org>}. */
    String from();

    Optional<String> username();

    Optional<String> password();

    /** STARTTLS, required when true (production); plain SMTP only for a local test server. */
    boolean startTls();

    /** How often the worker sends what is due (e.g. 5s; off: this replica sends none). */
    String sendEvery();

    /** Waits after each failed attempt; after the last the mail is given up (FAILED) and its address dropped. */
    @WithDefault("PT1M,PT5M,PT30M,PT2H,PT6H,PT12H")
    List<Duration> retrySchedule();

    /** How long a replica's claim on a mail lasts; a replica killed mid-send leaves it to another after this. */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Receipts one e-mail address gets per period, whoever applies with it; past it the application is kept but no
     * receipt is sent (counted in {@code ats.mail.receipts.dropped}).
     */
    @WithDefault("3")
    int receiptsPerAddress();

    @WithDefault("P1D")
    Duration receiptsPeriod();

    /** Where applicants manage their application (the self-service page), named in the mails. */
    @WithDefault("https://careers.example.org/my-application")
    String selfServiceUrl();

    /**
     * The public address of the consent pages the service serves ({@code /consent}), to which a renewal or
     * consent-text mail links, e.g. {@code https://careers.example.org/consent}.
     */
    @WithDefault("https://careers.example.org/consent")
    String consentUrl();

    /**
     * The public address of the service's "this was not me" pages ({@code /not-me}), to which every receipt links,
     * e.g. {@code https://careers.example.org/not-me}.
     */
    @WithDefault("https://careers.example.org/not-me")
    String notMeUrl();

    default boolean enabled() {
        return !host().isBlank() && !host().equalsIgnoreCase("off");
    }
}
