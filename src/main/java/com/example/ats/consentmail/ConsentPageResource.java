package com.example.ats.consentmail;

import com.example.ats.mail.MailConfig;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.HtmlPages;
import com.example.ats.shared.Language;
import com.example.ats.web.PlainWords;
import io.quarkus.qute.Engine;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page a consent mail links to: GET shows the question and changes nothing; only the form's POST records the
 * choice. Plain HTML that works without JavaScript, in the applicant's language (a link switches it).
 */
@Path("/consent/{token}")
@PermitAll
public class ConsentPageResource {

    private final ConsentQuestionService questions;
    private final RetentionPolicy policy;
    private final RetentionConfig retention;
    private final MailConfig mail;
    private final Engine engine;
    private final HtmlPages pages;

    ConsentPageResource(
            ConsentQuestionService questions,
            RetentionPolicy policy,
            RetentionConfig retention,
            MailConfig mail,
            Engine engine,
            HtmlPages pages) {
        this.pages = pages;
        this.questions = questions;
        this.policy = policy;
        this.retention = retention;
        this.mail = mail;
        this.engine = engine;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response show(
            @PathParam("token") String token,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return page(questions.read(token), lang, acceptLanguage, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response choose(
            @PathParam("token") String token,
            @FormParam("choice") String choice,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Optional<ConsentQuestionService.Choice> chosen = parse(choice);
        Optional<ConsentQuestionService.View> before = questions.read(token);
        if (before.isPresent()
                && before.get().state() == ConsentQuestionService.State.OPEN
                && (chosen.isEmpty()
                        || !ConsentQuestionService.offers(before.get().purpose(), chosen.get()))) {
            return Response.fromResponse(page(before, lang, acceptLanguage, false))
                    .status(Response.Status.BAD_REQUEST)
                    .build();
        }
        if (before.isEmpty() || chosen.isEmpty() || before.get().state() != ConsentQuestionService.State.OPEN) {
            return page(before, lang, acceptLanguage, false);
        }
        try {
            return page(questions.answer(token, chosen.get()), lang, acceptLanguage, true);
        } catch (RuntimeException e) {
            // a purge, an erasure or a consent change got there at the same moment: nothing was recorded
            io.quarkus.logging.Log.warnf(
                    "Consent answer not recorded: %s", e.getClass().getSimpleName());
            return Response.fromResponse(page(questions.read(token), lang, acceptLanguage, false))
                    .status(Response.Status.CONFLICT)
                    .build();
        }
    }

    /** The page; {@code justAsked}: the choice was posted by this request (an answer then reads 200, not 410). */
    private Response page(
            Optional<ConsentQuestionService.View> found, String lang, String acceptLanguage, boolean justAsked) {
        Locale locale = locale(found.map(ConsentQuestionService.View::language).orElse(null), lang, acceptLanguage);
        Map<String, Object> values = new HashMap<>();
        values.put("selfServiceUrl", mail.selfServiceUrl());
        values.put("renewal", false);
        int status = 404;
        if (found.isPresent()) {
            ConsentQuestionService.View view = found.get();
            values.put("state", view.state().name());
            values.put("renewal", view.purpose() == ConsentQuestion.Purpose.RENEWAL);
            values.put("consentText", view.consentText());
            values.put("expiresOn", day(view.expiresAt(), locale));
            values.put("renewedUntil", day(view.renewedUntil(), locale));
            values.put(
                    "validUntil",
                    view.validUntil() == null
                            ? null
                            : PlainWords.dateTime(view.validUntil(), retention.zone(), locale));
            values.put("answeredOn", day(view.answeredAt(), locale));
            values.put("answer", view.answer() == null ? null : view.answer().name());
            values.put("period", PlainWords.period(policy.withConsent(), locale));
            status = switch (view.state()) {
                case OPEN -> 200;
                // the answer this request recorded is shown with 200; a link used before, expired or void with 410
                case ANSWERED -> justAsked ? 200 : 410;
                case EXPIRED, NO_LONGER_APPLIES -> 410;
            };
        } else {
            values.put("state", "UNKNOWN");
        }
        String html = engine.getTemplate("consent/page-" + locale.getLanguage())
                .data(values)
                .render();
        return Response.fromResponse(pages.page(status, html, locale, false))
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    private String day(Instant instant, Locale locale) {
        return instant == null ? null : PlainWords.date(instant, retention.zone(), locale);
    }

    /** The page's language: the switch on the page, else the applicant's, else the browser's; Dutch by default. */
    private static Locale locale(String applicants, String lang, String acceptLanguage) {
        boolean switched = "en".equals(lang) || "nl".equals(lang);
        return (switched || applicants == null ? Language.of(lang, acceptLanguage) : Language.of(applicants)).locale();
    }

    private static Optional<ConsentQuestionService.Choice> parse(String choice) {
        if (choice == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConsentQuestionService.Choice.valueOf(choice));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
