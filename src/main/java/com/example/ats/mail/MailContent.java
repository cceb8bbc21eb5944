package com.example.ats.mail;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.document.DocumentView;
import com.example.ats.export.ApplicantDataService;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.retention.RetentionAmount;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.shared.Language;
import com.example.ats.web.PlainWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a mail from what is stored now (Qute, plain text and HTML, Dutch or English): nothing of its body is kept.
 * Dates and periods are in words. Empty when the application is gone (the mail is then dropped).
 */
@ApplicationScoped
public class MailContent {

    /** What is sent. */
    public record Rendered(String subject, String text, String html) {}

    /** A received file as the receipt lists it: its name and its size in words. */
    public record ReceivedFile(String name, String size) {}

    private final Engine engine;
    private final ApplicantDataService data;
    private final RetentionConfig retention;
    private final MailConfig config;
    private final ObjectMapper json;

    private final ConsentLinks links;
    private final ConsentTexts texts;
    private final QuestionCheck questionCheck;
    private final SignInLinkCheck signInLinks;

    MailContent(
            Engine engine,
            ApplicantDataService data,
            RetentionConfig retention,
            MailConfig config,
            ObjectMapper json,
            ConsentLinks links,
            ConsentTexts texts,
            QuestionCheck questionCheck,
            SignInLinkCheck signInLinks) {
        this.questionCheck = questionCheck;
        this.signInLinks = signInLinks;
        this.links = links;
        this.texts = texts;
        this.engine = engine;
        this.data = data;
        this.retention = retention;
        this.config = config;
        this.json = json;
    }

    Optional<Rendered> render(MailMessage message) {
        Locale locale = Language.of(message.language).locale();
        if (message.kind == MailKind.CONSENT_RENEWAL || message.kind == MailKind.CONSENT_TEXT_CHANGED) {
            return question(message, locale);
        }
        if (message.kind == MailKind.SIGN_IN_LINK) {
            return signInLink(message, locale);
        }
        if (message.kind != MailKind.RECEIPT) {
            return Optional.of(request(message, locale));
        }
        if (message.applicationId == null) {
            return Optional.empty();
        }
        ApplicantDataView application;
        try {
            application = data.view(message.applicationId, locale);
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
        if (application == null) {
            return Optional.empty();
        }
        List<ReceivedFile> files = application.documents().stream()
                .map(d -> new ReceivedFile(d.fileName(), size(d, locale)))
                .toList();
        String name = message.kind.template() + "-" + message.language;
        Template text = engine.getTemplate("mail/" + name + ".txt");
        Template html = engine.getTemplate("mail/" + name + ".html");
        var values = new java.util.HashMap<String, Object>();
        values.put("firstName", application.applicant().firstName());
        values.put("appliedOn", PlainWords.date(application.appliedAt(), retention.zone(), locale));
        values.put("files", files);
        values.put("whatHappens", application.whatHappens());
        values.put("selfServiceUrl", config.selfServiceUrl());
        return Optional.of(new Rendered(
                message.kind.subject(locale),
                text.data(values).render(),
                html.data(values).render()));
    }

    /**
     * A question about the consent, with its link; the dates are the question's, kept with the mail. Empty when the
     * application is gone.
     */
    private Optional<Rendered> question(MailMessage message, Locale locale) {
        Map<String, String> facts = facts(message);
        if (!questionCheck.isOpen(java.util.UUID.fromString(facts.get("questionId")))) {
            return Optional.empty();
        }
        ApplicantDataView application;
        try {
            application = data.view(message.applicationId, locale);
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
        if (application == null) {
            return Optional.empty();
        }
        var values = new java.util.HashMap<String, Object>();
        values.put("firstName", application.applicant().firstName());
        values.put("link", links.link(java.util.UUID.fromString(facts.get("questionId"))));
        values.put("validUntil", PlainWords.dateTime(Instant.parse(facts.get("validUntil")), retention.zone(), locale));
        values.put("expiresOn", day(facts.get("expiresAt"), locale));
        if (facts.containsKey("renewedUntil")) {
            values.put("renewedUntil", day(facts.get("renewedUntil"), locale));
            values.put("period", PlainWords.period(RetentionAmount.parse(retention.withConsent()), locale));
        }
        values.put("consentText", texts.texts().getOrDefault(facts.get("textVersion"), ""));
        values.put("selfServiceUrl", config.selfServiceUrl());
        String name = "mail/" + message.kind.template() + "-" + message.language;
        return Optional.of(new Rendered(
                message.kind.subject(locale),
                engine.getTemplate(name + ".txt").data(values).render(),
                engine.getTemplate(name + ".html").data(values).render()));
    }

    /** A sign-in link, while it can still be used: no name, nothing but the link and until when it works. */
    private Optional<Rendered> signInLink(MailMessage message, Locale locale) {
        Map<String, String> facts = facts(message);
        Optional<String> token = signInLinks.tokenIfOpen(java.util.UUID.fromString(facts.get("linkId")));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String base = config.selfServiceUrl();
        var values = new java.util.HashMap<String, Object>();
        values.put("link", (base.endsWith("/") ? base : base + "/") + "link/" + token.get());
        values.put("validUntil", PlainWords.dateTime(Instant.parse(facts.get("validUntil")), retention.zone(), locale));
        String name = "mail/" + message.kind.template() + "-" + message.language;
        return Optional.of(new Rendered(
                message.kind.subject(locale),
                engine.getTemplate(name + ".txt").data(values).render(),
                engine.getTemplate(name + ".html").data(values).render()));
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

    /** A privacy request's acknowledgement or outcome, from the codes and dates kept with the mail. */
    private Rendered request(MailMessage message, Locale locale) {
        Map<String, String> facts = facts(message);
        boolean dutch = Language.of(locale) == Language.DUTCH;
        var values = new java.util.HashMap<String, Object>();
        values.put("request", REQUEST_WORDS.get(facts.get("requestType"))[dutch ? 0 : 1]);
        if (facts.containsKey("dueAt")) {
            values.put("dueOn", PlainWords.date(Instant.parse(facts.get("dueAt")), retention.zone(), locale));
        }
        if (facts.containsKey("outcomeCode")) {
            values.put("outcome", OUTCOME_WORDS.get(facts.get("outcomeCode"))[dutch ? 0 : 1]);
        }
        values.put("selfServiceUrl", config.selfServiceUrl());
        String name = "mail/" + message.kind.template() + "-" + message.language;
        return new Rendered(
                message.kind.subject(locale),
                engine.getTemplate(name + ".txt").data(values).render(),
                engine.getTemplate(name + ".html").data(values).render());
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, String>> FACTS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /** A request's type in words, Dutch and English. */
    private static final Map<String, String[]> REQUEST_WORDS = Map.of(
            "ACCESS", new String[] {"inzage in je gegevens", "access to your data"},
            "RECTIFICATION", new String[] {"verbetering van je gegevens", "correction of your data"},
            "ERASURE", new String[] {"verwijdering van je gegevens", "erasure of your data"},
            "PORTABILITY",
                    new String[] {"een kopie van je gegevens om mee te nemen", "a copy of your data to take along"},
            "WITHDRAWAL", new String[] {"intrekking van je toestemming", "withdrawal of your consent"},
            "OBJECTION",
                    new String[] {"bezwaar tegen het gebruik van je gegevens", "objection to the use of your data"});

    /** An outcome in words, Dutch and English. */
    private static final Map<String, String[]> OUTCOME_WORDS = Map.of(
            "FULFILLED",
            new String[] {"We hebben je verzoek uitgevoerd.", "We have done what you asked."},
            "PARTLY_FULFILLED",
            new String[] {
                "We hebben je verzoek voor een deel uitgevoerd; wat niet kon, lichten we apart toe.",
                "We have done part of what you asked; we explain separately what we could not do."
            },
            "REFUSED",
            new String[] {
                "We hebben je verzoek afgewezen; de reden lichten we apart toe. Je kunt een klacht indienen bij de"
                        + " Autoriteit Persoonsgegevens.",
                "We have refused your request; we explain why separately. You may complain to the Dutch Data"
                        + " Protection Authority (Autoriteit Persoonsgegevens)."
            },
            "NOTHING_HELD",
            new String[] {"We bewaren geen gegevens over je.", "We hold no data about you."});

    /** "12 kB", "2,4 MB" (Dutch decimal comma) or "2.4 MB". */
    static String size(DocumentView document, Locale locale) {
        return PlainWords.size(document.size(), locale);
    }
}
