package com.example.ats.vacancy;

import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.ETags;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.Roles;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vacancies over HTTP: HR admins maintain them, all staff read them. */
@Path("/api/v1/vacancies")
@Tag(name = "Staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VacancyResource {

    private final VacancyService service;

    VacancyResource(VacancyService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "openVacancy", summary = "Open a vacancy")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new vacancy",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", ref = ApiDefinition.VERSION_ETAG)
            },
            content = @Content(schema = @Schema(implementation = VacancyView.class)))
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response create(@Valid @NotNull CreateVacancyRequest request) {
        VacancyView created = service.create(request);
        return Response.created(URI.create("/api/v1/vacancies/" + created.id()))
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.PRIVACY_OFFICER, Roles.HR_INTEGRATION})
    @Operation(operationId = "listVacancies", summary = "List vacancies, oldest first, a page at a time")
    @APIResponse(
            responseCode = "200",
            description = "A page; the `Link: rel=\"next\"` header and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = VacancyPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response list(
            @QueryParam("status") @Parameter(description = "Only vacancies in this state") VacancyStatus status,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uriInfo) {
        Slice<VacancyView> slice = service.list(status, page);
        return Links.page(uriInfo, slice, next -> new VacancyPage(slice.items(), slice.nextCursor(), next));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.PRIVACY_OFFICER, Roles.HR_INTEGRATION})
    @Operation(operationId = "getVacancy", summary = "Read one vacancy")
    @APIResponse(
            responseCode = "200",
            description = "The vacancy",
            headers = @Header(name = "ETag", ref = ApiDefinition.VERSION_ETAG),
            content = @Content(schema = @Schema(implementation = VacancyView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        VacancyView vacancy = service.get(id);
        return Response.ok(vacancy).tag(ETags.of(vacancy.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(
            operationId = "updateVacancy",
            summary = "Change a vacancy (or close it)",
            description = "Needs the ETag of the version you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The changed vacancy",
            headers = @Header(name = "ETag", ref = ApiDefinition.VERSION_ETAG),
            content = @Content(schema = @Schema(implementation = VacancyView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(
                            description = "ETag of the version you read",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING))
                    String ifMatch,
            @Valid @NotNull UpdateVacancyRequest request) {
        VacancyView updated = service.update(id, ETags.requireMatch(ifMatch), request);
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }
}
