package com.example.ats.apply;

import com.example.ats.intake.Sender;
import com.example.ats.shared.Language;
import com.example.ats.vacancy.VacancyService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The apply page: a server-rendered form that works without JavaScript (and better with it), posted to the service
 * itself, where {@link ApplySubmission} takes it along the API's path. Errors appear next to their fields; success
 * shows the access code once. A hidden submission key makes a double click or a resent form one application.
 */
@Path("/apply")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ApplyPageResource {

    private final ApplySubmission submission;
    private final VacancyService vacancies;
    private final ApplyPages pages;

    ApplyPageResource(ApplySubmission submission, VacancyService vacancies, ApplyPages pages) {
        this.submission = submission;
        this.vacancies = vacancies;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response openApplication(
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return pages.form(null, Language.of(lang, acceptLanguage).locale(), Map.of(), Map.of(), 200);
    }

    @GET
    @Path("/{vacancyId}")
    @Operation(hidden = true)
    public Response forVacancy(
            @PathParam("vacancyId") String vacancyId,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return openVacancy(vacancyId)
                .map(vacancy -> pages.form(vacancy, locale, Map.of(), Map.of(), 200))
                .orElseGet(() -> pages.notFound(locale));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response submitOpen(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            InputStream body,
            @Context HttpServerRequest request) {
        return submission.submit(null, contentType, body, acceptLanguage, Sender.of(request));
    }

    @POST
    @Path("/{vacancyId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response submitForVacancy(
            @PathParam("vacancyId") String vacancyId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            InputStream body,
            @Context HttpServerRequest request) {
        Optional<VacancyService.OpenVacancy> vacancy = openVacancy(vacancyId);
        if (vacancy.isEmpty()) {
            return ApplySubmission.unread(
                    pages.notFound(Language.of(null, acceptLanguage).locale()));
        }
        return submission.submit(vacancy.get(), contentType, body, acceptLanguage, Sender.of(request));
    }

    private Optional<VacancyService.OpenVacancy> openVacancy(String id) {
        try {
            return vacancies.open(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
