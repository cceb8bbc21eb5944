package com.example.ats.portal;

import com.example.ats.applicant.AddressChange;
import com.example.ats.applicant.ApplicantActions;
import com.example.ats.applicant.SignInByMail;
import com.example.ats.application.ApplicantView;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.document.ScanState;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.retention.RetentionAmount;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.shared.HtmlPages;
import com.example.ats.shared.Language;
import com.example.ats.web.PlainWords;
import com.example.ats.web.TextKeys;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The portal's pages (sign-in, overview, erased), rendered from what the applicant actions answered. */
@ApplicationScoped
class PortalPages {

    /**
     * The sign-in page.
     *
     * @param linkLifetime set after a sign-in link was asked for: how long it works, in words
     */
    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Login(String switchHref, String errorKey, String noticeKey, String linkLifetime)
            implements TemplateInstance {}

    /** The page a mailed link opens, saying which application it opens. */
    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Link(String action, String appliedOn, String address) implements TemplateInstance {}

    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Erased() implements TemplateInstance {}

    /**
     * The page of a receipt's "this was not me" link.
     *
     * @param state HELD (the address is in the application: the button), REMOVED, or UNKNOWN (not a right link)
     */
    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record NotMe(String state, String appliedOn) implements TemplateInstance {}

    /**
     * The page of the link that confirms a new e-mail address.
     *
     * @param state OPEN (the button), CONFIRMED (by this request), or DEAD (unknown, used, replaced or expired)
     * @param address the address it confirms, masked
     */
    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record AddressLink(String state, String address, String appliedOn) implements TemplateInstance {}

    /**
     * What is held and when it goes, the files, the consent and its history, and the forms.
     *
     * @param errors per form field, the text key of its error
     */
    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Overview(
            ApplicantDataView app,
            String form,
            String lang,
            String switchHref,
            String appliedOn,
            String deleteOn,
            boolean granted,
            String consentText,
            List<PortalConsentEntry> history,
            List<PortalDocument> documents,
            List<PortalField> held,
            List<PortalField> details,
            Map<String, String> errors,
            String noticeKey)
            implements TemplateInstance {}

    private final PortalSessions sessions;
    private final ConsentTexts consentTexts;
    private final RetentionConfig retention;
    private final HtmlPages pages;

    PortalPages(PortalSessions sessions, ConsentTexts consentTexts, RetentionConfig retention, HtmlPages pages) {
        this.sessions = sessions;
        this.consentTexts = consentTexts;
        this.retention = retention;
        this.pages = pages;
    }

    /** The sign-in page; a notice other than an expired form also ends the session the browser still had. */
    Response login(Locale locale, String errorKey, int status, String noticeKey) {
        Response page = render(
                new Login(Language.switchHref(PortalSessions.PATH, locale), errorKey, noticeKey, null), status, locale);
        return noticeKey != null && !"portal_formExpired".equals(noticeKey)
                ? Response.fromResponse(page).cookie(sessions.cleared()).build()
                : page;
    }

    /** The sign-in page after a link was asked for: the same whether the address applied or not. */
    Response linkSent(Locale locale, Duration lifetime) {
        String period = PlainWords.period(new RetentionAmount(null, lifetime), locale);
        return render(new Login(Language.switchHref(PortalSessions.PATH, locale), null, null, period), 200, locale);
    }

    /** The page a mailed link opens: a button that signs in (a GET changes nothing, so mail scanners use no link). */
    Response link(Locale locale, String action, SignInByMail.LinkTarget target) {
        String appliedOn = PlainWords.date(target.appliedAt(), retention.zone(), locale);
        return render(new Link(action, appliedOn, target.address()), 200, locale);
    }

    /**
     * The "this was not me" page: the button while the address is in the application, else that it is out (200
     * after this request's button, 410 for a link used before), or 404 for a link that is not right.
     */
    Response notMe(Locale locale, Optional<ApplicantActions.AddressLink> found, boolean justRemoved, int status) {
        String state =
                found.map(link -> link.addressHeld() ? "HELD" : "REMOVED").orElse("UNKNOWN");
        String appliedOn = found.map(link -> PlainWords.date(link.appliedAt(), retention.zone(), locale))
                .orElse(null);
        int answered = status;
        if (found.isEmpty()) {
            answered = 404;
        } else if (status == 200 && !found.get().addressHeld() && !justRemoved) {
            answered = 410;
        }
        return Response.fromResponse(render(new NotMe(state, appliedOn), answered, locale))
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    /** The address link's page: the button while it works, that it was used by this request, or that it is dead. */
    Response addressLink(Locale locale, Optional<AddressChange.Confirmable> found, boolean justConfirmed, int status) {
        AddressLink page = justConfirmed
                ? new AddressLink("CONFIRMED", null, null)
                : found.map(link -> new AddressLink(
                                "OPEN",
                                SignInByMail.masked(link.newEmail()),
                                PlainWords.date(link.appliedAt(), retention.zone(), locale)))
                        .orElse(new AddressLink("DEAD", null, null));
        int answered = !justConfirmed && found.isEmpty() ? 410 : status;
        return Response.fromResponse(render(page, answered, locale))
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    /** The page after an erasure, which also ends the session. */
    Response erased(Locale locale) {
        return Response.fromResponse(render(new Erased(), 200, locale))
                .cookie(sessions.cleared())
                .build();
    }

    /**
     * The overview.
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
        ZoneId zone = retention.zone();
        List<PortalConsentEntry> history = view.consentHistory().stream()
                .map(entry -> new PortalConsentEntry(
                        PlainWords.date(entry.at(), zone, locale),
                        "portal_history_" + entry.kind() + "_" + entry.action(),
                        entry.guardianName()))
                .toList();
        List<PortalDocument> documents = view.documents().stream()
                .map(d -> new PortalDocument(
                        d.id(),
                        d.fileName(),
                        PlainWords.size(d.size(), locale),
                        d.scan().state() != ScanState.INFECTED,
                        d.scan().state() == ScanState.CLEAN
                                ? null
                                : "portal_scan_" + d.scan().state()))
                .toList();
        Map<String, String> errorKeys = new LinkedHashMap<>();
        errors.forEach((field, key) -> errorKeys.put(field, TextKeys.orElse(key, "error_other")));
        Map<String, String> detailValues = DetailsForm.values(view.applicant());
        detailValues.putAll(posted);
        List<PortalField> details = DetailsForm.FIELDS.stream()
                .map(field -> new PortalField(
                        field, "apply_" + field, detailValues.get(field), errorKeys.get(field), field.equals("email")))
                .toList();
        Overview page = new Overview(
                view,
                sessions.formToken(session),
                locale.getLanguage(),
                Language.switchHref(PortalSessions.PATH, locale),
                PlainWords.date(view.appliedAt(), zone, locale),
                view.expiresAt() == null ? null : PlainWords.date(view.expiresAt(), zone, locale),
                view.retentionConsentGranted(),
                consentTexts.texts().get(consentTexts.currentVersion()),
                history,
                documents,
                held(view.applicant(), locale),
                details,
                errorKeys,
                done == null ? null : TextKeys.orElse("portal_done_" + done, null));
        return render(page, status, locale);
    }

    private Response render(TemplateInstance page, int status, Locale locale) {
        return pages.page(status, page.setLocale(locale).render(), locale, false);
    }

    /** Every detail held, in words, for the table. */
    private List<PortalField> held(ApplicantView applicant, Locale locale) {
        Map<String, String> details = DetailsForm.values(applicant);
        List<PortalField> held = new ArrayList<>(DetailsForm.FIELDS.stream()
                .map(field -> new PortalField(field, "apply_" + field, details.get(field), null, false))
                .toList());
        String birthDate = applicant.birthDate() == null
                ? null
                : PlainWords.date(
                        applicant.birthDate().atStartOfDay(retention.zone()).toInstant(), retention.zone(), locale);
        held.add(new PortalField("birthDate", "apply_birthDate", birthDate, null, false));
        held.add(new PortalField("address", "apply_address", address(applicant.address()), null, false));
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("gender", applicant.gender());
        optional.put("maritalStatus", applicant.maritalStatus());
        optional.put("drivingLicenceCategories", applicant.drivingLicenceCategories());
        optional.forEach((field, value) -> {
            if (value != null) {
                held.add(new PortalField(field, "portal_" + field, value, null, false));
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
