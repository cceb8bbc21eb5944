package com.example.ats.apply;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.intake.ApplicationReceipt;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.HtmlPages;
import com.example.ats.vacancy.VacancyService;
import com.example.ats.web.PageTexts;
import com.example.ats.web.PlainWords;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The apply page's pages: the form (with the errors next to their fields), the receipt, and "not found". */
@ApplicationScoped
class ApplyPages {

    private final ConsentTexts consentTexts;
    private final RetentionPolicy policy;
    private final RetentionConfig retention;
    private final Engine engine;
    private final HtmlPages pages;

    ApplyPages(
            ConsentTexts consentTexts,
            RetentionPolicy policy,
            RetentionConfig retention,
            Engine engine,
            HtmlPages pages) {
        this.consentTexts = consentTexts;
        this.policy = policy;
        this.retention = retention;
        this.engine = engine;
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
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("v", values);
        Map<String, String> errorTexts = new LinkedHashMap<>();
        errors.forEach((field, key) -> errorTexts.put(field, t.getOrDefault(key, t.get("error.other"))));
        data.put("errors", errorTexts);
        data.put("hasErrors", !errorTexts.isEmpty());
        data.put(
                "summary",
                errorTexts.entrySet().stream()
                        .map(e -> ErrorLink.of(e.getKey(), e.getValue()))
                        .toList());
        data.put(
                "details",
                List.of(
                        FormField.of("firstName", "text", 100, "given-name", false, t, values, errorTexts),
                        FormField.of("lastName", "text", 100, "family-name", false, t, values, errorTexts),
                        FormField.of("email", "email", 254, "email", true, t, values, errorTexts),
                        FormField.of("phone", "tel", 40, "tel", false, t, values, errorTexts),
                        FormField.of("birthDate", "date", 10, "bday", false, t, values, errorTexts)));
        data.put(
                "address",
                List.of(
                        FormField.of("street", "text", 200, "address-line1", false, t, values, Map.of()),
                        FormField.of("houseNumber", "text", 20, "off", false, t, values, Map.of()),
                        FormField.of("postalCode", "text", 20, "postal-code", false, t, values, Map.of()),
                        FormField.of("city", "text", 100, "address-level2", false, t, values, Map.of())));
        data.put(
                "guardianFields",
                List.of(
                        FormField.of("guardianName", "text", 200, "off", false, t, values, Map.of()),
                        FormField.of("guardianEmail", "email", 254, "off", false, t, values, Map.of())));
        data.put("vacancy", vacancy);
        data.put(
                "heading",
                vacancy == null ? t.get("apply.open") : MessageFormat.format(t.get("apply.titleFor"), vacancy.title()));
        data.put("action", vacancy == null ? "/apply" : "/apply/" + vacancy.id());
        data.put("consentText", consentTexts.texts().get(consentTexts.currentVersion()));
        String without = PlainWords.period(policy.withoutConsent(), locale);
        String with = PlainWords.period(policy.withConsent(), locale);
        data.put("consentWithout", MessageFormat.format(t.get("apply.consent.without"), without));
        data.put("consentYes", MessageFormat.format(t.get("apply.consent.yes"), with));
        data.put("consentNo", MessageFormat.format(t.get("apply.consent.no"), without));
        data.put(
                "submission",
                Optional.ofNullable(values.get("submission"))
                        .orElseGet(() -> UUID.randomUUID().toString()));
        data.put(
                "switchHref", (vacancy == null ? "/apply" : "/apply/" + vacancy.id()) + "?lang=" + t.get("other.lang"));
        String html = engine.getTemplate("apply/form").data(data).render();
        return pages.page(status, html, locale, true);
    }

    Response done(ApplicationReceipt receipt, Locale locale) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("token", receipt.accessToken());
        data.put(
                "received",
                MessageFormat.format(
                        t.get("done.received"), PlainWords.date(receipt.appliedAt(), retention.zone(), locale)));
        data.put(
                "whatHappens",
                receipt.expiresAt() == null
                        ? null
                        : PlainWords.whatHappens(
                                receipt.expiresAt(),
                                receipt.retentionConsentGranted(),
                                policy.withoutConsent(),
                                policy.withConsent(),
                                retention.zone(),
                                locale));
        data.put("switchHref", null);
        String html = engine.getTemplate("apply/done").data(data).render();
        return pages.page(200, html, locale, true);
    }

    Response notFound(Locale locale) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("switchHref", "/apply?lang=" + t.get("other.lang"));
        return pages.page(404, engine.getTemplate("apply/not-found").data(data).render(), locale, true);
    }
}
