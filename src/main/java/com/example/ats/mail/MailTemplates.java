package com.example.ats.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The mails, one type-checked template each in {@code templates/mail/{kind}.txt} and {@code .html} (the same words
 * from the bundle, in the language of the instance's locale). Dates and periods arrive in words.
 */
final class MailTemplates {

    private MailTemplates() {}

    /** A received file as the receipt lists it: its name and its size in words. */
    /** What a received file is (never its name) and its format and size, in words. */
    record ReceivedFile(String what, String details) {}

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Receipt(
            String firstName,
            String appliedOn,
            List<ReceivedFile> files,
            String whatHappens,
            String selfServiceUrl,
            String notMeUrl)
            implements TemplateInstance {}

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record ConsentRenewal(
            String firstName, String link, String validUntil, String expiresOn, String renewedUntil, String period)
            implements TemplateInstance {}

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record ConsentTextChanged(
            String firstName,
            String link,
            String validUntil,
            String expiresOn,
            String consentText,
            String selfServiceUrl)
            implements TemplateInstance {}

    /** @param requestKey the text key of the request's type in words */
    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record RequestAcknowledged(String requestKey, String dueOn) implements TemplateInstance {}

    /** @param outcomeKey the text key of the outcome in words */
    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record RequestClosed(String requestKey, String outcomeKey) implements TemplateInstance {}

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record SignInLink(String link, String validUntil) implements TemplateInstance {}

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record AddressConfirmation(String link, String validUntil) implements TemplateInstance {}

    @CheckedTemplate(basePath = "mail", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record AddressChanged(String newAddress) implements TemplateInstance {}
}
