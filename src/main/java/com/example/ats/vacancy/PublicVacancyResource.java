package com.example.ats.vacancy;

import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimited;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The job board: open vacancies for anyone, no login, so a career site can be built on the API alone. Answers may be
 * cached for a minute (a closed vacancy disappears within that); rate-limited per client address.
 */
@RateLimited(RateLimit.PUBLIC_READS)
@Path("/api/v1/public/vacancies")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applicants")
public class PublicVacancyResource {

    private static final CacheControl ONE_MINUTE = cacheControl();

    private final VacancyRepository vacancies;
    private final ZoneId zone;

    PublicVacancyResource(VacancyRepository vacancies, @ConfigProperty(name = "ats.retention.zone") ZoneId zone) {
        this.vacancies = vacancies;
        this.zone = zone;
    }

    @GET
    @Transactional
    @Operation(
            operationId = "listOpenVacancies",
            summary = "The job board: open vacancies, oldest first, a page at a time (no login)")
    @APIResponse(
            responseCode = "200",
            description = "A page; the `Link: rel=\"next\"` header and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = PublicVacancyPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response list(@Valid @BeanParam PageRequest page, @Context UriInfo uriInfo) {
        Slice<PublicVacancy> slice = page.read(
                        (after, limit) -> vacancies.page(VacancyStatus.OPEN, after, limit),
                        (Vacancy last) -> new Cursor(last.createdAt, last.id))
                .map(v -> PublicVacancy.from(v, zone));
        Response answer =
                Links.page(uriInfo, slice, next -> new PublicVacancyPage(slice.items(), slice.nextCursor(), next));
        return Response.fromResponse(answer).cacheControl(ONE_MINUTE).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getOpenVacancy", summary = "One open vacancy (no login); a closed one is not found")
    @APIResponse(
            responseCode = "200",
            description = "The vacancy",
            content = @Content(schema = @Schema(implementation = PublicVacancy.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response get(@PathParam("id") UUID id) {
        return vacancies
                .findByIdOptional(id)
                .filter(v -> v.status == VacancyStatus.OPEN)
                .map(v -> Response.ok(PublicVacancy.from(v, zone))
                        .cacheControl(ONE_MINUTE)
                        .build())
                .orElseThrow(() -> ApiException.notFound("Vacancy"));
    }

    private static CacheControl cacheControl() {
        CacheControl control = new CacheControl();
        control.setMaxAge(60);
        control.setPrivate(false);
        return control;
    }
}
