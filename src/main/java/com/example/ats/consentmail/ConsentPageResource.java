package com.example.ats.consentmail;

import com.example.ats.shared.Language;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimited;
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
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page a consent mail links to: GET shows the question and changes nothing; only the form's POST records the
 * choice. Plain HTML that works without JavaScript, in the applicant's language (a link switches it).
 */
@RateLimited(RateLimit.PUBLIC_READS)
@Path("/consent/{token}")
@PermitAll
public class ConsentPageResource {

    private final ConsentQuestionService questions;
    private final ConsentPages pages;

    ConsentPageResource(ConsentQuestionService questions, ConsentPages pages) {
        this.questions = questions;
        this.pages = pages;
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

    /** The page in the language it is read in; {@code justAsked}: the choice was posted by this request. */
    private Response page(
            Optional<ConsentQuestionService.View> found, String lang, String acceptLanguage, boolean justAsked) {
        Locale locale = locale(found.map(ConsentQuestionService.View::language).orElse(null), lang, acceptLanguage);
        return pages.page(found, locale, justAsked);
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
