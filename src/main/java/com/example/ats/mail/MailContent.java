package com.example.ats.mail;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.document.DocumentFormat;
import com.example.ats.document.DocumentView;
import com.example.ats.export.ApplicantDataService;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.retention.RetentionAmount;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.shared.Language;
import com.example.ats.web.ApplicantTexts;
import com.example.ats.web.PlainWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Renders a mail from what is stored now (Qute, plain text and HTML, Dutch or English): nothing of its body is kept.
 * Dates and periods are in words. Empty when the application is gone (the mail is then dropped).
 */
@ApplicationScoped
public class MailContent {

    /** What is sent. */
    public record Rendered(String subject, String text, String html) {}

    private final ApplicantDataService data;
    private final RetentionConfig retention;
    private final MailConfig config;
    private final ObjectMapper json;

    private final ConsentLinks links;
    private final ConsentTexts texts;
    private final QuestionCheck questionCheck;
    private final SignInLinkCheck signInLinks;
    private final NotMeLinks notMe;

    MailContent(
            ApplicantDataService data,
            RetentionConfig retention,
            MailConfig config,
            ObjectMapper json,
            ConsentLinks links,
            ConsentTexts texts,
            QuestionCheck questionCheck,
            SignInLinkCheck signInLinks,
            NotMeLinks notMe) {
        this.notMe = notMe;
        this.questionCheck = questionCheck;
        this.signInLinks = signInLinks;
        this.links = links;
        this.texts = texts;
        this.data = data;
        this.retention = retention;
        this.config = config;
        this.json = json;
    }

    Optional<Rendered> render(MailMessage message) {
        Locale locale = Language.of(message.language).locale();
        return switch (message.kind) {
            case RECEIPT -> receipt(message, locale);
            case CONSENT_RENEWAL, CONSENT_TEXT_CHANGED -> question(message, locale);
            case SIGN_IN_LINK, ADDRESS_CONFIRMATION -> mailedLink(message, locale);
            case ADDRESS_CHANGED ->
                Optional.of(rendered(
                        message.kind,
                        locale,
                        () -> new MailTemplates.AddressChanged(facts(message).get("newAddress"))));
            case REQUEST_ACKNOWLEDGED, REQUEST_CLOSED -> Optional.of(request(message, locale));
        };
    }

    private Optional<Rendered> receipt(MailMessage message, Locale locale) {
        return application(message, locale)
                .map(application -> rendered(
                        message.kind,
                        locale,
                        () -> new MailTemplates.Receipt(
                                greeted(application),
                                PlainWords.date(application.appliedAt(), retention.zone(), locale),
                                application.documents().stream()
                                        .map(d -> received(d, locale))
                                        .toList(),
                                application.whatHappens(),
                                config.selfServiceUrl(),
                                notMe.link(message.applicationId, message.recipient))));
    }

    /**
     * A question about the consent, with its link; the dates are the question's, kept with the mail. Empty when the
     * question is answered or void, or the application is gone.
     */
    private Optional<Rendered> question(MailMessage message, Locale locale) {
        Map<String, String> facts = facts(message);
        UUID questionId = UUID.fromString(facts.get("questionId"));
        if (!questionCheck.isOpen(questionId)) {
            return Optional.empty();
        }
        String link = links.link(questionId);
        String validUntil = PlainWords.dateTime(Instant.parse(facts.get("validUntil")), retention.zone(), locale);
        String expiresOn = day(facts.get("expiresAt"), locale);
        return application(message, locale)
                .map(application -> rendered(
                        message.kind,
                        locale,
                        () -> message.kind == MailKind.CONSENT_RENEWAL
                                ? new MailTemplates.ConsentRenewal(
                                        greeted(application),
                                        link,
                                        validUntil,
                                        expiresOn,
                                        day(facts.get("renewedUntil"), locale),
                                        PlainWords.period(RetentionAmount.parse(retention.withConsent()), locale))
                                : new MailTemplates.ConsentTextChanged(
                                        greeted(application),
                                        link,
                                        validUntil,
                                        expiresOn,
                                        texts.texts().getOrDefault(facts.get("textVersion"), ""),
                                        config.selfServiceUrl())));
    }

    /** The first name to greet with, when it cannot read as an address or a link; null greets without a name. */
    private static String greeted(ApplicantDataView application) {
        return SafeFirstName.of(application.applicant().firstName()).orElse(null);
    }

    /**
     * A received file as the receipt lists it: what it is, its format and size, never its name (the sender chose
     * it, and anyone can apply with anyone's address).
     */
    private static MailTemplates.ReceivedFile received(DocumentView document, Locale locale) {
        ApplicantTexts t = MessageBundles.get(ApplicantTexts.class, Localized.Literal.of(locale.getLanguage()));
        String what = switch (document.kind()) {
            case CV -> t.mail_file_cv();
            case MOTIVATION_LETTER -> t.mail_file_letter();
            case OTHER -> t.mail_file_other();
        };
        String format = DocumentFormat.ofMediaType(document.mediaType())
                .map(f -> f.extension().toUpperCase(Locale.ROOT) + ", ")
                .orElse("");
        return new MailTemplates.ReceivedFile(what, format + PlainWords.size(document.size(), locale));
    }

    /** The application the mail is about, in the mail's language; empty when it is gone (the mail is dropped). */
    private Optional<ApplicantDataView> application(MailMessage message, Locale locale) {
        if (message.applicationId == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(data.view(message.applicationId, locale));
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** A sign-in link, while it can still be used: no name, nothing but the link and until when it works. */
    /** A sign-in or address link, while it works (else the mail is dropped): its page is under the portal's. */
    private Optional<Rendered> mailedLink(MailMessage message, Locale locale) {
        Map<String, String> facts = facts(message);
        Optional<String> token = signInLinks.tokenIfOpen(UUID.fromString(facts.get("linkId")));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String base = config.selfServiceUrl();
        boolean signIn = message.kind == MailKind.SIGN_IN_LINK;
        String link = (base.endsWith("/") ? base : base + "/") + (signIn ? "link/" : "address/") + token.get();
        String validUntil = PlainWords.dateTime(Instant.parse(facts.get("validUntil")), retention.zone(), locale);
        return Optional.of(rendered(
                message.kind,
                locale,
                () -> signIn
                        ? new MailTemplates.SignInLink(link, validUntil)
                        : new MailTemplates.AddressConfirmation(link, validUntil)));
    }

    /** A privacy request's acknowledgement or outcome, from the codes and dates kept with the mail. */
    private Rendered request(MailMessage message, Locale locale) {
        Map<String, String> facts = facts(message);
        String requestKey = "request_" + facts.get("requestType");
        if (message.kind == MailKind.REQUEST_ACKNOWLEDGED) {
            String dueOn = facts.containsKey("dueAt") ? day(facts.get("dueAt"), locale) : null;
            return rendered(message.kind, locale, () -> new MailTemplates.RequestAcknowledged(requestKey, dueOn));
        }
        String outcomeKey = "outcome_" + facts.get("outcomeCode");
        return rendered(message.kind, locale, () -> new MailTemplates.RequestClosed(requestKey, outcomeKey));
    }

    /** The subject, the plain text and the HTML of one mail, each in the mail's language. */
    static Rendered rendered(MailKind kind, Locale locale, Supplier<TemplateInstance> mail) {
        ApplicantTexts t = MessageBundles.get(ApplicantTexts.class, Localized.Literal.of(locale.getLanguage()));
        return new Rendered(
                kind.subject(t),
                mail.get()
                        .setLocale(locale)
                        .setVariant(Variant.forContentType(Variant.TEXT_PLAIN))
                        .render(),
                mail.get()
                        .setLocale(locale)
                        .setVariant(Variant.forContentType(Variant.TEXT_HTML))
                        .render());
    }

    private String day(String instant, Locale locale) {
        return PlainWords.date(Instant.parse(instant), retention.zone(), locale);
    }

    private Map<String, String> facts(MailMessage message) {
        try {
            return json.readValue(message.facts, FACTS);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("mail " + message.id + " has unreadable facts", e);
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, String>> FACTS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};
}
