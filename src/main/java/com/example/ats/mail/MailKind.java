package com.example.ats.mail;

import com.example.ats.shared.Language;

/** Why a mail is sent; each has its templates in templates/mail/{kind}-{nl,en}.{txt,html}. */
public enum MailKind {
    /** After intake: what was received, until when it is kept, how to get back in. */
    RECEIPT("receipt", "We hebben je sollicitatie ontvangen", "We have received your application"),
    /** A privacy request was registered: what, and by when it is answered. */
    REQUEST_ACKNOWLEDGED(
            "request-acknowledged", "We hebben je privacyverzoek ontvangen", "We have received your privacy request"),
    /** A privacy request was answered: the outcome. */
    REQUEST_CLOSED("request-closed", "Je privacyverzoek is afgehandeld", "Your privacy request has been answered"),
    /** Before the consented period ends: do you want another? With a single-use link to answer. */
    CONSENT_RENEWAL(
            "consent-renewal", "Mogen we je sollicitatie langer bewaren?", "May we keep your application for longer?"),
    /** The consent text changed: what it says now, and the link to withdraw. */
    CONSENT_TEXT_CHANGED(
            "consent-text-changed", "Onze toestemmingstekst is gewijzigd", "The wording of our consent has changed"),
    /** The applicant lost their access code and asked for a single-use link to sign in. */
    SIGN_IN_LINK("sign-in-link", "Je link om in te loggen", "Your link to sign in");

    private final String template;
    private final String dutchSubject;
    private final String englishSubject;

    MailKind(String template, String dutchSubject, String englishSubject) {
        this.template = template;
        this.dutchSubject = dutchSubject;
        this.englishSubject = englishSubject;
    }

    String subject(java.util.Locale locale) {
        return Language.of(locale) == Language.ENGLISH ? englishSubject : dutchSubject;
    }

    public String template() {
        return template;
    }
}
