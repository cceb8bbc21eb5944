package com.example.ats.portal;

import com.example.ats.audit.AuditLog;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.document.DownloadService;
import com.example.ats.document.ScanGate;
import com.example.ats.document.ScanState;
import com.example.ats.export.ApplicantDataService;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.export.PageTexts;
import com.example.ats.export.PlainWords;
import com.example.ats.export.ZipExport;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.self.ApplicantAuthentication;
import com.example.ats.self.Rectification;
import com.example.ats.self.SelfService;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.HtmlPages;
import com.example.ats.shared.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Engine;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
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
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The privacy portal: the applicant types their access token into a form (never a URL), then sees what is held and
 * when it will be deleted, downloads files and the export, corrects details, gives or withdraws consent, objects,
 * and erases everything after a confirmation. Every change is a form POST with the session's form token, answered
 * with a redirect back to the overview (so a reload repeats nothing).
 */
@Path(PortalSessions.PATH)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    private static final String ACTOR = "applicant";
    private static final List<String> DETAILS = List.of("firstName", "lastName", "email", "phone");

    private final PortalSessions sessions;
    private final ApplicantAuthentication authentication;
    private final ApplicantDataService data;
    private final DownloadService downloads;
    private final ZipExport export;
    private final RetentionConsentService consents;
    private final Rectification rectification;
    private final SelfService self;
    private final ConsentTexts consentTexts;
    private final RetentionConfig retention;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Engine engine;
    private final HtmlPages pages;
    private final Clock clock;

    PortalResource(
            PortalSessions sessions,
            ApplicantAuthentication authentication,
            ApplicantDataService data,
            DownloadService downloads,
            ZipExport export,
            RetentionConsentService consents,
            Rectification rectification,
            SelfService self,
            ConsentTexts consentTexts,
            RetentionConfig retention,
            AuditLog audit,
            ObjectMapper json,
            Engine engine,
            HtmlPages pages,
            Clock clock) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.data = data;
        this.downloads = downloads;
        this.export = export;
        this.consents = consents;
        this.rectification = rectification;
        this.self = self;
        this.consentTexts = consentTexts;
        this.retention = retention;
        this.audit = audit;
        this.json = json;
        this.engine = engine;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Response overview(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @QueryParam("lang") String lang,
            @QueryParam("done") String done,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = PageTexts.language(lang, acceptLanguage);
        Optional<PortalSessions.Session> session = session(cookie);
        if (session.isEmpty()) {
            return login(locale, null, 200, cookie != null && !cookie.isEmpty() ? "portal.sessionOver" : null);
        }
        return overview(session.get(), locale, done, Map.of(), Map.of(), 200);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(
            @FormParam("token") String token,
            @FormParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Locale locale = PageTexts.language(lang, acceptLanguage);
        UUID id;
        try {
            id = authentication.authenticate(token, address(request));
        } catch (ApiException e) {
            String error = e.type() == ProblemType.TOO_MANY_REQUESTS ? "portal.tooMany" : "portal.wrongToken";
            return login(locale, error, e.type().status(), null);
        }
        audit.record(ACTOR, ACTOR, "SELF_PORTAL_OPENED", id, null);
        return Response.seeOther(URI.create(PortalSessions.PATH + "?lang=" + locale.getLanguage()))
                .cookie(sessions.cookie(sessions.open(id, clock.instant())))
                .build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam("lang") String lang) {
        return Response.seeOther(URI.create(PortalSessions.PATH + "?lang=" + ("en".equals(lang) ? "en" : "nl")))
                .cookie(sessions.cleared())
                .build();
    }

    @GET
    @Path("/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response document(
            @CookieParam(PortalSessions.COOKIE) String cookie, @PathParam("documentId") String documentId) {
        Optional<PortalSessions.Session> session = session(cookie);
        UUID document = uuid(documentId);
        if (session.isEmpty() || document == null) {
            return Response.seeOther(URI.create(PortalSessions.PATH)).build();
        }
        UUID id = session.get().applicationId();
        Response download = downloads.of(id, document, ScanGate.OWN_FILE);
        audit.record(ACTOR, ACTOR, "SELF_DOCUMENT_DOWNLOADED", id, "document " + document);
        return download;
    }

    @GET
    @Path("/export")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response export(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Optional<PortalSessions.Session> session = session(cookie);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create(PortalSessions.PATH)).build();
        }
        UUID id = session.get().applicationId();
        Response archive = export.answer(data.view(id, PageTexts.language(lang, acceptLanguage)));
        audit.record(ACTOR, ACTOR, "SELF_EXPORTED", id, null);
        return archive;
    }

    @POST
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response consent(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("choice") String choice,
            @FormParam("lang") String lang) {
        Locale locale = PageTexts.language(lang, null);
        return change(cookie, formToken, locale, session -> {
            if (!"give".equals(choice) && !"withdraw".equals(choice)) {
                return overview(session, locale, null, Map.of(), Map.of("consent", "portal.consent.choose"), 422);
            }
            boolean give = choice.equals("give");
            var state = consents.record(
                    session.applicationId(),
                    RetentionConsentService.Answer.applicants(give, give ? consentTexts.currentVersion() : null));
            audit.record(ACTOR, ACTOR, "CONSENT_RECORDED", session.applicationId(), state.lastAction() + " via WEB");
            return done(locale, give ? "consentGiven" : "consentWithdrawn");
        });
    }

    @POST
    @Path("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response details(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("firstName") String firstName,
            @FormParam("lastName") String lastName,
            @FormParam("email") String email,
            @FormParam("phone") String phone,
            @FormParam("lang") String lang) {
        Locale locale = PageTexts.language(lang, null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", firstName);
        values.put("lastName", lastName);
        values.put("email", email);
        values.put("phone", phone);
        return change(cookie, formToken, locale, session -> {
            ObjectNode patch = json.createObjectNode();
            values.forEach((field, value) -> {
                if (value == null) {
                    return; // not in the form that was posted: left as it is
                }
                if (value.isBlank()) {
                    patch.putNull(field);
                } else {
                    patch.put(field, value.strip());
                }
            });
            try {
                var changed = rectification.apply(session.applicationId(), patch);
                audit.record(ACTOR, ACTOR, "RECTIFIED", session.applicationId(), "fields=" + String.join(",", changed));
            } catch (ConstraintViolationException e) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
                    errors.putIfAbsent(lastNode(violation), "portal.error." + lastNode(violation));
                }
                return overview(session, locale, null, values, errors, 422);
            } catch (ApiException e) {
                Map<String, String> errors = new LinkedHashMap<>();
                e.errors()
                        .forEach(error ->
                                errors.putIfAbsent(field(error.field()), "portal.error." + field(error.field())));
                if (errors.isEmpty()) {
                    errors.put("details", "portal.error.details");
                }
                return overview(session, locale, null, values, errors, e.type().status());
            }
            return done(locale, "details");
        });
    }

    @POST
    @Path("/objection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response object(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("reason") String reason,
            @FormParam("lang") String lang) {
        Locale locale = PageTexts.language(lang, null);
        return change(cookie, formToken, locale, session -> {
            if (reason != null && reason.length() > 2000) {
                return overview(session, locale, null, Map.of(), Map.of("reason", "portal.error.reason"), 422);
            }
            try {
                self.object(session.applicationId(), reason == null || reason.isBlank() ? null : reason.strip());
            } catch (ApiException | ConstraintViolationException e) {
                return overview(session, locale, null, Map.of(), Map.of("reason", "portal.error.reason"), 422);
            }
            audit.record(ACTOR, ACTOR, "OBJECTED", session.applicationId(), null);
            return done(locale, "objection");
        });
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response erase(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("confirm") String confirm,
            @FormParam("lang") String lang) {
        Locale locale = PageTexts.language(lang, null);
        return change(cookie, formToken, locale, session -> {
            if (!"yes".equals(confirm)) {
                return overview(session, locale, null, Map.of(), Map.of("erase", "portal.erase.confirmFirst"), 422);
            }
            try {
                self.erase(session.applicationId());
            } catch (ApiException e) {
                return overview(
                        session,
                        locale,
                        null,
                        Map.of(),
                        Map.of("erase", "portal.erase.held"),
                        e.type().status());
            }
            audit.record(ACTOR, ACTOR, "ERASED_ON_REQUEST", session.applicationId(), null);
            Map<String, Object> values = new HashMap<>();
            values.put("t", PageTexts.of(locale));
            values.put("switchHref", null);
            return Response.fromResponse(pages.page(
                            200,
                            engine.getTemplate("portal/erased").data(values).render(),
                            locale,
                            false))
                    .cookie(sessions.cleared())
                    .build();
        });
    }

    /** A change: only in an open session, and only with the session's form token. */
    private Response change(
            String cookie,
            String formToken,
            Locale locale,
            java.util.function.Function<PortalSessions.Session, Response> action) {
        Optional<PortalSessions.Session> session = session(cookie);
        if (session.isEmpty()) {
            return login(locale, null, 401, "portal.sessionOver");
        }
        if (!sessions.formTokenMatches(session.get(), formToken)) {
            return login(locale, null, 403, "portal.formExpired");
        }
        return action.apply(session.get());
    }

    private Response done(Locale locale, String what) {
        return Response.seeOther(URI.create(PortalSessions.PATH + "?lang=" + locale.getLanguage() + "&done=" + what))
                .build();
    }

    /** The session of the cookie, while its application exists. */
    private Optional<PortalSessions.Session> session(String cookie) {
        return sessions.read(cookie, clock.instant())
                .filter(s -> data.find(s.applicationId(), Locale.ENGLISH).isPresent());
    }

    private Response login(Locale locale, String error, int status, String notice) {
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

    private Response overview(
            PortalSessions.Session session,
            Locale locale,
            String done,
            Map<String, String> posted,
            Map<String, String> errors,
            int status) {
        Map<String, String> t = PageTexts.of(locale);
        ApplicantDataView view = data.view(session.applicationId(), locale);
        audit.record(ACTOR, ACTOR, "SELF_READ", session.applicationId(), null);
        Map<String, Object> values = new HashMap<>();
        values.put("t", t);
        values.put("app", view);
        values.put("form", sessions.formToken(session));
        values.put("lang", locale.getLanguage());
        values.put("switchHref", PortalSessions.PATH + "?lang=" + t.get("other.lang"));
        values.put("appliedOn", PlainWords.date(view.appliedAt(), retention.zone(), locale));
        values.put(
                "deleteOn",
                view.expiresAt() == null ? null : PlainWords.date(view.expiresAt(), retention.zone(), locale));
        values.put(
                "granted",
                view.consentHistory().stream()
                        .filter(entry -> "RETENTION".equals(entry.kind()))
                        .reduce((first, second) -> second)
                        .map(entry -> entry.action() == com.example.ats.consent.ConsentAction.GRANTED)
                        .orElse(false));
        values.put("consentText", consentTexts.texts().get(consentTexts.currentVersion()));
        values.put(
                "history",
                view.consentHistory().stream()
                        .map(entry -> new PortalConsentEntry(
                                PlainWords.date(entry.at(), retention.zone(), locale),
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
        Map<String, String> detailValues = new LinkedHashMap<>();
        detailValues.put("firstName", view.applicant().firstName());
        detailValues.put("lastName", view.applicant().lastName());
        detailValues.put("email", view.applicant().email());
        detailValues.put("phone", view.applicant().phone());
        List<PortalField> held = new java.util.ArrayList<>(DETAILS.stream()
                .map(field -> new PortalField(field, t.get("apply." + field), detailValues.get(field), null, false))
                .toList());
        var applicant = view.applicant();
        held.add(new PortalField(
                "birthDate",
                t.get("apply.birthDate"),
                applicant.birthDate() == null
                        ? null
                        : PlainWords.date(
                                applicant
                                        .birthDate()
                                        .atStartOfDay(retention.zone())
                                        .toInstant(),
                                retention.zone(),
                                locale),
                null,
                false));
        held.add(new PortalField("address", t.get("apply.address"), address(applicant.address()), null, false));
        for (String optional : List.of("gender", "maritalStatus", "drivingLicenceCategories")) {
            String value = switch (optional) {
                case "gender" -> applicant.gender();
                case "maritalStatus" -> applicant.maritalStatus();
                default -> applicant.drivingLicenceCategories();
            };
            if (value != null) {
                held.add(new PortalField(optional, t.get("portal." + optional), value, null, false));
            }
        }
        values.put("held", held);
        if (!posted.isEmpty()) {
            detailValues.putAll(posted); // the form shows what was typed, next to its errors; the table what is kept
        }
        values.put(
                "details",
                DETAILS.stream()
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

    private static String address(com.example.ats.application.ApplicantView.Address address) {
        if (address == null) {
            return null;
        }
        String joined = java.util.stream.Stream.of(
                        address.street(),
                        address.houseNumber(),
                        address.postalCode(),
                        address.city(),
                        address.country())
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String name = null;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return field(name);
    }

    private static String field(String path) {
        if (path == null) {
            return "details";
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        return DETAILS.contains(last) ? last : "details";
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
