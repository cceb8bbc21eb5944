package com.example.ats.mail;

import com.example.ats.web.ApplicantTexts;

/** Why a mail is sent; each has one template per format in templates/mail/{template}.{txt,html}. */
public enum MailKind {
    /** After intake: what was received, until when it is kept, how to get back in. */
    RECEIPT("receipt"),
    /** A privacy request was registered: what, and by when it is answered. */
    REQUEST_ACKNOWLEDGED("request-acknowledged"),
    /** A privacy request was answered: the outcome. */
    REQUEST_CLOSED("request-closed"),
    /** Before the consented period ends: do you want another? With a single-use link to answer. */
    CONSENT_RENEWAL("consent-renewal"),
    /** The consent text changed: what it says now, and the link to withdraw. */
    CONSENT_TEXT_CHANGED("consent-text-changed"),
    /** The applicant lost their access code and asked for a single-use link to sign in. */
    SIGN_IN_LINK("sign-in-link"),
    /** The applicant gave a new address: a single-use link to it, which makes it the application's address. */
    ADDRESS_CONFIRMATION("address-confirmation"),
    /** To the old address, once a new one was confirmed: which (masked), and what to do if it was not them. */
    ADDRESS_CHANGED("address-changed");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    String subject(ApplicantTexts t) {
        return switch (this) {
            case RECEIPT -> t.mail_receipt_subject();
            case REQUEST_ACKNOWLEDGED -> t.mail_acknowledged_subject();
            case REQUEST_CLOSED -> t.mail_closed_subject();
            case CONSENT_RENEWAL -> t.renewal_question();
            case CONSENT_TEXT_CHANGED -> t.textChanged_title();
            case SIGN_IN_LINK -> t.mail_signIn_subject();
            case ADDRESS_CONFIRMATION -> t.mail_address_subject();
            case ADDRESS_CHANGED -> t.mail_addressChanged_subject();
        };
    }

    /** The name of its templates, also part of the key that makes a mail once. */
    public String template() {
        return template;
    }
}
