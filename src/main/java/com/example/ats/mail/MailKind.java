package com.example.ats.mail;

/** Why a mail is sent; each has its templates in templates/mail/{kind}-{nl,en}.{txt,html}. */
public enum MailKind {
    /** After intake: what was received, until when it is kept, how to get back in. */
    RECEIPT("receipt", "We hebben je sollicitatie ontvangen", "We have received your application"),
    /** A privacy request was registered: what, and by when it is answered. */
    REQUEST_ACKNOWLEDGED(
            "request-acknowledged", "We hebben je privacyverzoek ontvangen", "We have received your privacy request"),
    /** A privacy request was answered: the outcome. */
    REQUEST_CLOSED("request-closed", "Je privacyverzoek is afgehandeld", "Your privacy request has been answered");

    private final String template;
    private final String dutchSubject;
    private final String englishSubject;

    MailKind(String template, String dutchSubject, String englishSubject) {
        this.template = template;
        this.dutchSubject = dutchSubject;
        this.englishSubject = englishSubject;
    }

    String subject(java.util.Locale locale) {
        return locale.getLanguage().equals("en") ? englishSubject : dutchSubject;
    }

    String template() {
        return template;
    }
}
