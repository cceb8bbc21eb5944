package com.example.ats.consentmail;

import com.example.ats.mail.MailConfig;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.HtmlPages;
import com.example.ats.shared.Language;
import com.example.ats.web.PlainWords;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The page a consent mail links to, rendered from the question as it stands now. */
@ApplicationScoped
class ConsentPages {

    /**
     * The question, its answer, or why the link no longer works.
     *
     * @param state the question's state, or UNKNOWN when the link is not known
     */
    @CheckedTemplate(basePath = "consent", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Page(
            String switchHref,
            String state,
            boolean renewal,
            String consentText,
            String expiresOn,
            String renewedUntil,
            String validUntil,
            String answeredOn,
            String answer,
            String period,
            String selfServiceUrl)
            implements TemplateInstance {}

    private final RetentionPolicy policy;
    private final RetentionConfig retention;
    private final MailConfig mail;
    private final HtmlPages html;

    ConsentPages(RetentionPolicy policy, RetentionConfig retention, MailConfig mail, HtmlPages html) {
        this.policy = policy;
        this.retention = retention;
        this.mail = mail;
        this.html = html;
    }

    /** The page; {@code justAsked}: the choice was posted by this request (an answer then reads 200, not 410). */
    Response page(Optional<ConsentQuestionService.View> found, Locale locale, boolean justAsked) {
        String switchHref = Language.switchHref("", locale);
        Page page = found.map(view -> new Page(
                        switchHref,
                        view.state().name(),
                        view.purpose() == ConsentQuestion.Purpose.RENEWAL,
                        view.consentText(),
                        day(view.expiresAt(), locale),
                        day(view.renewedUntil(), locale),
                        view.validUntil() == null
                                ? null
                                : PlainWords.dateTime(view.validUntil(), retention.zone(), locale),
                        day(view.answeredAt(), locale),
                        view.answer() == null ? null : view.answer().name(),
                        PlainWords.period(policy.withConsent(), locale),
                        mail.selfServiceUrl()))
                .orElseGet(() -> new Page(
                        switchHref, "UNKNOWN", false, null, null, null, null, null, null, null, mail.selfServiceUrl()));
        int status = found.map(view -> switch (view.state()) {
                    case OPEN -> 200;
                    // the answer this request recorded is shown with 200; a link used before, expired or void with 410
                    case ANSWERED -> justAsked ? 200 : 410;
                    case EXPIRED, NO_LONGER_APPLIES -> 410;
                })
                .orElse(404);
        return Response.fromResponse(html.page(status, page.setLocale(locale).render(), locale, false))
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    private String day(Instant instant, Locale locale) {
        return instant == null ? null : PlainWords.date(instant, retention.zone(), locale);
    }
}
