package com.example.ats.apply;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.intake.ApplicationReceipt;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.HtmlPages;
import com.example.ats.shared.Language;
import com.example.ats.vacancy.VacancyService;
import com.example.ats.web.PlainWords;
import com.example.ats.web.TextKeys;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The apply page's pages: the form (with the errors next to their fields), the receipt, and "not found". */
@ApplicationScoped
class ApplyPages {

    /**
     * The form, as posted back when it had errors.
     *
     * @param v the values as posted
     * @param errors per field, the text key of its error
     * @param periodWithout how long an application is kept without consent, in words
     * @param periodWith how long with consent, in words
     */
    @CheckedTemplate(basePath = "apply", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Form(
            VacancyService.OpenVacancy vacancy,
            String action,
            String switchHref,
            Map<String, String> v,
            Map<String, String> errors,
            List<ErrorLink> summary,
            List<FormField> details,
            List<FormField> address,
            List<FormField> guardianFields,
            String consentText,
            String periodWithout,
            String periodWith,
            String submission)
            implements TemplateInstance {}

    /** After applying: the access code, shown once, and what happens next. */
    @CheckedTemplate(basePath = "apply", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Done(String token, String appliedOn, String whatHappens) implements TemplateInstance {}

    @CheckedTemplate(basePath = "apply", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record NotFound(String switchHref) implements TemplateInstance {}

    private final ConsentTexts consentTexts;
    private final RetentionPolicy policy;
    private final RetentionConfig retention;
    private final HtmlPages pages;

    ApplyPages(ConsentTexts consentTexts, RetentionPolicy policy, RetentionConfig retention, HtmlPages pages) {
        this.consentTexts = consentTexts;
        this.policy = policy;
        this.retention = retention;
        this.pages = pages;
    }

    String consentTextVersion() {
        return consentTexts.currentVersion();
    }

    Response form(
            VacancyService.OpenVacancy vacancy,
            Locale locale,
            Map<String, String> values,
            Map<String, String> errors,
            int status) {
        Map<String, String> errorKeys = new LinkedHashMap<>();
        errors.forEach((field, key) -> errorKeys.put(field, TextKeys.orElse(key, "error_other")));
        String action = vacancy == null ? "/apply" : "/apply/" + vacancy.id();
        Form form = new Form(
                vacancy,
                action,
                Language.switchHref(action, locale),
                values,
                errorKeys,
                errorKeys.entrySet().stream()
                        .map(e -> ErrorLink.of(e.getKey(), e.getValue()))
                        .toList(),
                List.of(
                        FormField.of("firstName", "text", 100, "given-name", false, false, values, errorKeys),
                        FormField.of("lastName", "text", 100, "family-name", false, false, values, errorKeys),
                        FormField.of("email", "email", 254, "email", true, true, values, errorKeys),
                        FormField.of("phone", "tel", 40, "tel", false, false, values, errorKeys),
                        FormField.of("birthDate", "date", 10, "bday", false, true, values, errorKeys)),
                List.of(
                        FormField.of("street", "text", 200, "address-line1", false, false, values, Map.of()),
                        FormField.of("houseNumber", "text", 20, "off", false, false, values, Map.of()),
                        FormField.of("postalCode", "text", 20, "postal-code", false, false, values, Map.of()),
                        FormField.of("city", "text", 100, "address-level2", false, false, values, Map.of())),
                List.of(
                        FormField.of("guardianName", "text", 200, "off", false, false, values, Map.of()),
                        FormField.of("guardianEmail", "email", 254, "off", false, false, values, Map.of())),
                consentTexts.texts().get(consentTexts.currentVersion()),
                PlainWords.period(policy.withoutConsent(), locale),
                PlainWords.period(policy.withConsent(), locale),
                Optional.ofNullable(values.get("submission"))
                        .orElseGet(() -> UUID.randomUUID().toString()));
        return render(form, status, locale);
    }

    Response done(ApplicationReceipt receipt, Locale locale) {
        String whatHappens = receipt.expiresAt() == null
                ? null
                : PlainWords.whatHappens(
                        receipt.expiresAt(),
                        receipt.retentionConsentGranted(),
                        policy.withoutConsent(),
                        policy.withConsent(),
                        retention.zone(),
                        locale);
        String appliedOn = PlainWords.date(receipt.appliedAt(), retention.zone(), locale);
        return render(new Done(receipt.accessToken(), appliedOn, whatHappens), 200, locale);
    }

    Response notFound(Locale locale) {
        return render(new NotFound(Language.switchHref("/apply", locale)), 404, locale);
    }

    private Response render(TemplateInstance page, int status, Locale locale) {
        return pages.page(status, page.setLocale(locale).render(), locale, true);
    }
}
