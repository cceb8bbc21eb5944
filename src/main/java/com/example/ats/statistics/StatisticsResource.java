package com.example.ats.statistics;

import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recruitment statistics that outlive the applications: the funnel per vacancy and the privacy requests, as JSON, CSV
 * or (the funnel) a chart, for whole months. Counts of fewer than k people are shown as "<k" (ADR 0029).
 */
@Path("/api/v1/statistics")
public class StatisticsResource {

    static final String CSV = "text/csv";
    static final String SVG = "image/svg+xml";
    private static final String MONTH = "A month as yyyy-MM, included";
    private static final String YYYY_MM = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private final Statistics statistics;

    StatisticsResource(Statistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Path("/funnel")
    @Produces({MediaType.APPLICATION_JSON, CSV, SVG})
    @RolesAllowed({Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Tag(name = "Staff")
    @Operation(
            operationId = "getFunnelStatistics",
            summary = "Applications per vacancy, month and channel, how far they got and how long it took",
            description = "Counted when each thing happened, so the numbers stay after the applications are gone."
                    + " Months are those the applications were made in (Dutch time); months are never added up."
                    + " Ask for `text/csv` for a spreadsheet or `image/svg+xml` for a chart of the funnel.")
    @APIResponse(
            responseCode = "200",
            description = "The funnel, newest month first",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelReport.class)),
                @Content(
                        mediaType = CSV,
                        example = "month,vacancyId,vacancyTitle,channel,measure,upToDays,count\n"
                                + "2026-03,0d7c1f4e-5c1b-4c36-9a2c-6c1c1e7d0a11,Backend engineer,api,RECEIVED,,12\n"),
                @Content(
                        mediaType = SVG,
                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response funnel(
            @QueryParam("vacancyId") @Parameter(description = "Only this vacancy (the hiding is the same)")
                    UUID vacancyId,
            @QueryParam("from")
                    @Parameter(
                            description = MONTH + "; twelve months before `to` by default",
                            schema = @Schema(pattern = YYYY_MM))
                    String from,
            @QueryParam("to")
                    @Parameter(description = MONTH + "; this month by default", schema = @Schema(pattern = YYYY_MM))
                    String to,
            @Context Request request) {
        FunnelReport report = statistics.funnel(statistics.window(from, to), vacancyId);
        return switch (wanted(request, MediaType.APPLICATION_JSON, CSV, SVG)) {
            case CSV -> csv(FunnelReport.CSV_HEADER, report.rows(), "funnel.csv");
            case SVG ->
                Response.ok(FunnelChart.svg(report, vacancyId), SVG)
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                        .build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }

    @GET
    @Path("/privacy-requests")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Tag(name = "Privacy officer")
    @Operation(
            operationId = "getPrivacyRequestStatistics",
            summary = "Privacy requests per month received and type: registered, answered on time or late, outcomes",
            description = "Counted when each request was registered and closed, so the numbers stay after the register"
                    + " is minimised. Ask for `text/csv` for a spreadsheet.")
    @APIResponse(
            responseCode = "200",
            description = "The figures, newest month first",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PrivacyRequestReport.class)),
                @Content(
                        mediaType = CSV,
                        example = "month,requestType,measure,upToDays,count\n2026-03,ACCESS,REGISTERED,,7\n")
            })
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response privacyRequests(
            @QueryParam("from")
                    @Parameter(
                            description = MONTH + "; twelve months before `to` by default",
                            schema = @Schema(pattern = YYYY_MM))
                    String from,
            @QueryParam("to")
                    @Parameter(description = MONTH + "; this month by default", schema = @Schema(pattern = YYYY_MM))
                    String to,
            @Context Request request) {
        PrivacyRequestReport report = statistics.privacyRequests(statistics.window(from, to));
        if (wanted(request, MediaType.APPLICATION_JSON, CSV).equals(CSV)) {
            return csv(PrivacyRequestReport.CSV_HEADER, report.rows(), "privacy-requests.csv");
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private static Response csv(List<String> header, List<List<String>> rows, String fileName) {
        return Response.ok(CsvAnswer.of(header, rows), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /** The media type the Accept header prefers among these (JAX-RS's own negotiation, q-values included). */
    private static String wanted(Request request, String... offered) {
        Variant chosen = request.selectVariant(
                Variant.mediaTypes(Stream.of(offered).map(MediaType::valueOf).toArray(MediaType[]::new))
                        .build());
        return chosen == null ? offered[0] : chosen.getMediaType().toString();
    }
}
