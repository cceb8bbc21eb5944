package com.example.ats.portal;

import com.example.ats.applicant.SignInByMail;
import com.example.ats.application.ApplicantView;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.document.ScanState;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.retention.RetentionAmount;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.shared.HtmlPages;
import com.example.ats.web.PageTexts;
import com.example.ats.web.PlainWords;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The portal's pages (sign-in, overview, erased), rendered from what the applicant actions answered. */
@ApplicationScoped
class PortalPages {

    private final PortalSessions sessions;
    private final ConsentTexts consentTexts;
    private final RetentionConfig retention;
    private final Engine engine;
    private final HtmlPages pages;

    PortalPages(
            PortalSessions sessions,
            ConsentTexts consentTexts,
            RetentionConfig retention,
            Engine engine,
            HtmlPages pages) {
        this.sessions = sessions;
        this.consentTexts = consentTexts;
        this.retention = retention;
        this.engine = engine;
        this.pages = pages;
    }

    /** The sign-in page; a notice other than an expired form also ends the session the browser still had. */
    Response login(Locale locale, String error, int status, String notice) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> values = new HashMap<>();
        values.put("t", t);
        values.put("error", error == null ? null : t.get(error));
        values.put("notice", notice == null ? null : t.get(notice));
        values.put("switchHref", PortalSessions.PATH + "?lang=" + t.get("other.lang"));
        Response page = pages.page(
                status, engine.getTemplate("portal/login").data(values).render(), locale, false);
        return notice != null && !"portal.formExpired".equals(notice)
                ? Response.fromResponse(page).cookie(sessions.cleared()).build()
                : page;
    }

    /** The sign-in page after a link was asked for: the same whether the address applied or not. */
    Response linkSent(Locale locale, Duration lifetime) {
        Map<String, String> t = PageTexts.of(locale);
        String notice = MessageFormat.format(
                t.get("portal.linkSent"), PlainWords.period(new RetentionAmount(null, lifetime), locale));
        Map<String, Object> values = new HashMap<>();
        values.put("t", t);
        values.put("error", null);
        values.put("notice", notice);
        values.put("switchHref", PortalSessions.PATH + "?lang=" + t.get("other.lang"));
        return pages.page(200, engine.getTemplate("portal/login").data(values).render(), locale, false);
    }

    /** The page a mailed link opens: a button that signs in (a GET changes nothing, so mail scanners use no link). */
    Response link(Locale locale, String action, SignInByMail.LinkTarget target) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> values = new HashMap<>();
        values.put("t", t);
        values.put("action", action);
        values.put(
                "opens",
                MessageFormat.format(
                        t.get("portal.link.opens"),
                        PlainWords.date(target.appliedAt(), retention.zone(), locale),
                        target.address()));
        values.put("switchHref", null);
        return pages.page(200, engine.getTemplate("portal/link").data(values).render(), locale, false);
    }

    /** The page after an erasure, which also ends the session. */
    Response erased(Locale locale) {
        Map<String, Object> values = new HashMap<>();
        values.put("t", PageTexts.of(locale));
        values.put("switchHref", null);
        return Response.fromResponse(pages.page(
                        200, engine.getTemplate("portal/erased").data(values).render(), locale, false))
                .cookie(sessions.cleared())
                .build();
    }

    /**
     * The overview: what is held and when it goes, the files, the consent and its history, and the forms.
     *
     * @param posted the details as typed, shown in the form next to their errors (the table shows what is kept)
     * @param errors per form field, the text key of its error
     */
    Response overview(
            PortalSessions.Session session,
            ApplicantDataView view,
            Locale locale,
            String done,
            Map<String, String> posted,
            Map<String, String> errors,
            int status) {
        Map<String, String> t = PageTexts.of(locale);
        ZoneId zone = retention.zone();
        Map<String, Object> values = new HashMap<>();
        values.put("t", t);
        values.put("app", view);
        values.put("form", sessions.formToken(session));
        values.put("lang", locale.getLanguage());
        values.put("switchHref", PortalSessions.PATH + "?lang=" + t.get("other.lang"));
        values.put("appliedOn", PlainWords.date(view.appliedAt(), zone, locale));
        values.put("deleteOn", view.expiresAt() == null ? null : PlainWords.date(view.expiresAt(), zone, locale));
        values.put(
                "granted",
                view.consentHistory().stream()
                        .filter(entry -> "RETENTION".equals(entry.kind()))
                        .reduce((first, second) -> second)
                        .map(entry -> entry.action() == ConsentAction.GRANTED)
                        .orElse(false));
        values.put("consentText", consentTexts.texts().get(consentTexts.currentVersion()));
        values.put(
                "history",
                view.consentHistory().stream()
                        .map(entry -> new PortalConsentEntry(
                                PlainWords.date(entry.at(), zone, locale),
                                t.get("portal.history." + entry.kind() + "." + entry.action()),
                                entry.guardianName()))
                        .toList());
        values.put(
                "documents",
                view.documents().stream()
                        .map(d -> new PortalDocument(
                                d.id(),
                                d.fileName(),
                                PlainWords.size(d.size(), locale),
                                d.scan().state() != ScanState.INFECTED,
                                d.scan().state() == ScanState.CLEAN
                                        ? null
                                        : t.get("portal.scan." + d.scan().state())))
                        .toList());
        values.put("held", held(view.applicant(), t, locale));
        Map<String, String> detailValues = DetailsForm.values(view.applicant());
        if (!posted.isEmpty()) {
            detailValues.putAll(posted);
        }
        values.put(
                "details",
                DetailsForm.FIELDS.stream()
                        .map(field -> new PortalField(
                                field,
                                t.get("apply." + field),
                                detailValues.get(field),
                                errors.containsKey(field) ? t.get(errors.get(field)) : null,
                                field.equals("email")))
                        .toList());
        Map<String, String> errorTexts = new LinkedHashMap<>();
        errors.forEach((field, key) -> errorTexts.put(field, t.getOrDefault(key, t.get("error.other"))));
        values.put("errors", errorTexts);
        values.put("notice", done == null ? null : t.get("portal.done." + done));
        String html = engine.getTemplate("portal/overview").data(values).render();
        return pages.page(status, html, locale, false);
    }

    /** Every detail held, in words, for the table. */
    private List<PortalField> held(ApplicantView applicant, Map<String, String> t, Locale locale) {
        Map<String, String> details = DetailsForm.values(applicant);
        List<PortalField> held = new ArrayList<>(DetailsForm.FIELDS.stream()
                .map(field -> new PortalField(field, t.get("apply." + field), details.get(field), null, false))
                .toList());
        String birthDate = applicant.birthDate() == null
                ? null
                : PlainWords.date(
                        applicant.birthDate().atStartOfDay(retention.zone()).toInstant(), retention.zone(), locale);
        held.add(new PortalField("birthDate", t.get("apply.birthDate"), birthDate, null, false));
        held.add(new PortalField("address", t.get("apply.address"), address(applicant.address()), null, false));
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("gender", applicant.gender());
        optional.put("maritalStatus", applicant.maritalStatus());
        optional.put("drivingLicenceCategories", applicant.drivingLicenceCategories());
        optional.forEach((field, value) -> {
            if (value != null) {
                held.add(new PortalField(field, t.get("portal." + field), value, null, false));
            }
        });
        return held;
    }

    private static String address(ApplicantView.Address address) {
        if (address == null) {
            return null;
        }
        String joined = Stream.of(
                        address.street(),
                        address.houseNumber(),
                        address.postalCode(),
                        address.city(),
                        address.country())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
