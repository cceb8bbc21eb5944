package com.example.ats.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.applicant.SignInByMail;
import com.example.ats.application.ApplicantView;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.document.DocumentKind;
import com.example.ats.document.DocumentView;
import com.example.ats.document.ScanState;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.shared.Language;
import com.example.ats.web.RenderedText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every portal page in both languages, with every text made at run time (each consent event, each scan state, each
 * notice and error the portal can show): complete, and in the language asked.
 */
@QuarkusTest
class PortalPagesRenderTest {

    private static final Instant APPLIED = Instant.parse("2026-03-02T10:00:00Z");

    @Inject
    PortalPages pages;

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSignInPagesWithEveryNoticeAndError(Language language) {
        var locale = language.locale();
        for (String notice : List.of("portal_sessionOver", "portal_formExpired", "portal_linkUsed", "portal_tooMany")) {
            RenderedText.page(pages.login(locale, null, 200, notice), language);
        }
        for (String error : List.of("portal_wrongToken", "portal_tooMany")) {
            RenderedText.page(pages.login(locale, error, 401, null), language);
        }
        String sent = RenderedText.page(pages.linkSent(locale, Duration.ofMinutes(15)), language);
        assertThat(sent).contains(language == Language.DUTCH ? "15 minuten" : "15 minutes");
        String link = RenderedText.page(
                pages.link(locale, "/my-application/link/x", new SignInByMail.LinkTarget(APPLIED, "s***@example.org")),
                language);
        assertThat(link).contains(language == Language.DUTCH ? "2 maart 2026" : "2 March 2026", "s***@example.org");
        RenderedText.page(pages.erased(locale), language);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theOverviewWithEveryConsentEventScanStateNoticeAndError(Language language) {
        ApplicantDataView view = new ApplicantDataView(
                UUID.randomUUID(),
                null,
                APPLIED,
                ApplicationStatus.values()[0],
                new ApplicantView(
                        "Anna",
                        "Jansen",
                        "anna@example.org",
                        "06 1234 5678",
                        new ApplicantView.Address("Dorpsstraat", "1", "1234 AB", "Utrecht", "NL"),
                        LocalDate.of(2000, 1, 31),
                        "v",
                        "ongehuwd",
                        "B"),
                Arrays.stream(ScanState.values())
                        .map(state -> new DocumentView(
                                UUID.randomUUID(),
                                DocumentKind.CV,
                                "cv-" + state + ".pdf",
                                "application/pdf",
                                12_345,
                                "00",
                                APPLIED,
                                new DocumentView.Scan(state, null, null, APPLIED)))
                        .toList(),
                List.of(
                        entry("RETENTION", ConsentAction.GRANTED, null),
                        entry("RETENTION", ConsentAction.REFUSED, null),
                        entry("RETENTION", ConsentAction.WITHDRAWN, null),
                        entry("PARENTAL", ConsentAction.GRANTED, "Piet Jansen")),
                APPLIED.plus(Duration.ofDays(28)),
                "in words",
                "anna.new@example.org");
        PortalSessions.Session session = new PortalSessions.Session(view.id(), APPLIED, "cookie");
        for (String done : List.of("consentGiven", "consentWithdrawn", "details", "objection")) {
            String html = RenderedText.page(
                    pages.overview(session, view, language.locale(), done, Map.of(), Map.of(), 200), language);
            assertThat(html).contains("id=\"notice\"");
        }
        String forged = RenderedText.page(
                pages.overview(session, view, language.locale(), "x<script>", Map.of(), Map.of(), 200), language);
        assertThat(forged).doesNotContain("id=\"notice\"", "<script>");
        Map<String, String> errors = new LinkedHashMap<>();
        DetailsForm.FIELDS.forEach(field -> errors.put(field, "portal_error_" + field));
        errors.put("details", "portal_error_details");
        errors.put("reason", "portal_error_reason");
        errors.put("consent", "portal_consent_choose");
        errors.put("erase", "portal_erase_confirmFirst");
        String html = RenderedText.page(
                pages.overview(session, view, language.locale(), null, Map.of(), errors, 422), language);
        assertThat(html).contains("Piet Jansen", "cv-INFECTED.pdf", "Utrecht");

        String unknownError = RenderedText.page(
                pages.overview(session, view, language.locale(), null, Map.of(), Map.of("email", "nope"), 422),
                language);
        assertThat(unknownError).contains(language == Language.DUTCH ? "Dit veld klopt niet." : "This field");
    }

    private static ApplicantDataView.ConsentHistoryEntry entry(String kind, ConsentAction action, String guardian) {
        return new ApplicantDataView.ConsentHistoryEntry(
                kind, action, APPLIED, ConsentChannel.WEB, null, guardian, null);
    }
}
