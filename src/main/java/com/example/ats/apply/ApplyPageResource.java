package com.example.ats.apply;

import com.example.ats.consent.ConsentTexts;
import com.example.ats.export.PageTexts;
import com.example.ats.export.PlainWords;
import com.example.ats.intake.ApplicationForm;
import com.example.ats.intake.ApplicationReceipt;
import com.example.ats.intake.IdempotentReplay;
import com.example.ats.intake.IncomingFile;
import com.example.ats.intake.IntakeConfig;
import com.example.ats.intake.IntakeRateLimit;
import com.example.ats.intake.IntakeService;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.HtmlPages;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.example.ats.vacancy.VacancyService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The apply page: a server-rendered form that works without JavaScript (and better with it), posted to the service
 * itself, which takes it through the same intake as the API. Errors appear next to their fields; success shows the
 * access token once. A hidden submission key makes a double click or a resent form one application.
 */
@jakarta.ws.rs.Path("/apply")
@PermitAll
public class ApplyPageResource {

    private static final Pattern SUBMISSION = Pattern.compile("[0-9a-f-]{36}");
    private static final List<String> TEXT_FIELDS = List.of(
            "firstName",
            "lastName",
            "email",
            "phone",
            "birthDate",
            "street",
            "houseNumber",
            "postalCode",
            "city",
            "consent",
            "guardianName",
            "guardianEmail",
            "guardianConsent",
            "submission",
            "lang");

    private final IntakeService intake;
    private final VacancyService vacancies;
    private final ConsentTexts consentTexts;
    private final RetentionPolicy policy;
    private final RetentionConfig retention;
    private final Validator validator;
    private final ObjectMapper json;
    private final Engine engine;
    private final HtmlPages pages;
    private final IntakeConfig intakeConfig;
    private final IntakeRateLimit.Limits limits;

    ApplyPageResource(
            IntakeService intake,
            VacancyService vacancies,
            ConsentTexts consentTexts,
            RetentionPolicy policy,
            RetentionConfig retention,
            Validator validator,
            ObjectMapper json,
            Engine engine,
            HtmlPages pages,
            IntakeConfig intakeConfig,
            IntakeRateLimit.Limits limits) {
        this.intakeConfig = intakeConfig;
        this.limits = limits;
        this.intake = intake;
        this.vacancies = vacancies;
        this.consentTexts = consentTexts;
        this.policy = policy;
        this.retention = retention;
        this.validator = validator;
        this.json = json;
        this.engine = engine;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response openApplication(
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return form(null, PageTexts.language(lang, acceptLanguage), Map.of(), Map.of(), 200);
    }

    @GET
    @jakarta.ws.rs.Path("/{vacancyId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response forVacancy(
            @PathParam("vacancyId") String vacancyId,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = PageTexts.language(lang, acceptLanguage);
        Optional<VacancyService.OpenVacancy> vacancy = openVacancy(vacancyId);
        if (vacancy.isEmpty()) {
            return notFound(locale);
        }
        return form(vacancy.get(), locale, Map.of(), Map.of(), 200);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response submitOpen(
            MultipartFormDataInput input,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        return submit(null, input, acceptLanguage, request);
    }

    @POST
    @jakarta.ws.rs.Path("/{vacancyId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response submitForVacancy(
            @PathParam("vacancyId") String vacancyId,
            MultipartFormDataInput input,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Optional<VacancyService.OpenVacancy> vacancy = openVacancy(vacancyId);
        if (vacancy.isEmpty()) {
            return notFound(PageTexts.language(text(input.getValues(), "lang"), acceptLanguage));
        }
        return submit(vacancy.get(), input, acceptLanguage, request);
    }

    private Response submit(
            VacancyService.OpenVacancy vacancy,
            MultipartFormDataInput input,
            String acceptLanguage,
            HttpServerRequest request) {
        Map<String, Collection<FormValue>> parts = input.getValues();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : TEXT_FIELDS) {
            values.put(field, text(parts, field));
        }
        Locale locale = PageTexts.language(values.get("lang"), acceptLanguage);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!limits.tryIntake(address(request))) {
            errors.put("form", "error.tooMany");
            return form(vacancy, locale, values, errors, 429);
        }
        ApplicationForm form = form(vacancy, values, errors);
        List<IncomingFile> files = files(parts);
        if (files.stream().noneMatch(f -> f.part().equals("cv"))) {
            errors.putIfAbsent("cv", "error.cv");
        }
        for (IncomingFile file : files) { // told together with the other fields' errors, not after them
            if (file.path().toFile().length() > intakeConfig.maxFileSize().asLongValue()) {
                errors.put(file.part(), "error." + file.part() + ".tooLarge");
            }
        }
        if (form != null) {
            for (ConstraintViolation<ApplicationForm> violation : validator.validate(form)) {
                errors.putIfAbsent(
                        fieldOf(violation.getPropertyPath()), "error." + fieldOf(violation.getPropertyPath()));
            }
        }
        if (!errors.isEmpty()) {
            return form(vacancy, locale, values, errors, 422);
        }
        try {
            String formJson = json.writeValueAsString(form);
            String submission = values.get("submission");
            IdempotentReplay.ClientKey key =
                    submission != null && SUBMISSION.matcher(submission).matches()
                            ? new IdempotentReplay.ClientKey("apply-page:" + submission, address(request))
                            : null;
            ApplicationReceipt receipt = intake.submit(UUID.randomUUID(), form, formJson, files, key, locale)
                    .receipt();
            return done(receipt, locale);
        } catch (ApiException e) {
            if (e.type() == ProblemType.TOO_MANY_REQUESTS || e.type() == ProblemType.SERVICE_UNAVAILABLE) {
                errors.put("form", e.type() == ProblemType.TOO_MANY_REQUESTS ? "error.tooMany" : "error.unavailable");
                return form(vacancy, locale, values, errors, e.type().status());
            }
            if (e.type() == ProblemType.CONFLICT
                    || (e.type() == ProblemType.VALIDATION_FAILED && e.errors().isEmpty())) {
                // the submission key was used for another form, or its application is gone: a fresh key, once more
                values.put("submission", null);
                errors.put("form", "error.resend");
                return form(vacancy, locale, values, errors, e.type().status());
            }
            for (Problem.FieldError error : e.errors()) {
                errors.putIfAbsent(pageField(error.field()), errorKey(error, e.type()));
            }
            if (errors.isEmpty()) {
                errors.put("form", "error.other");
            }
            return form(vacancy, locale, values, errors, e.type().status());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The intake's form from the page's fields; null (with errors) when a field cannot even be read. */
    private ApplicationForm form(
            VacancyService.OpenVacancy vacancy, Map<String, String> values, Map<String, String> errors) {
        LocalDate birthDate = null;
        if (values.get("birthDate") != null) {
            try {
                birthDate = LocalDate.parse(values.get("birthDate"));
            } catch (DateTimeParseException e) {
                errors.put("birthDate", "error.birthDate");
            }
        }
        Boolean granted = switch (String.valueOf(values.get("consent"))) {
            case "yes" -> true;
            case "no" -> false;
            default -> null;
        };
        if (granted == null) {
            errors.put("consent", "error.consent");
        }
        ApplicationForm.Address address = values.get("street") == null
                        && values.get("houseNumber") == null
                        && values.get("postalCode") == null
                        && values.get("city") == null
                ? null
                : new ApplicationForm.Address(
                        values.get("street"),
                        values.get("houseNumber"),
                        values.get("postalCode"),
                        values.get("city"),
                        null);
        boolean guardianGiven = values.get("guardianName") != null
                || values.get("guardianEmail") != null
                || values.get("guardianConsent") != null;
        ApplicationForm.ParentalConsentAnswer guardian = guardianGiven
                ? new ApplicationForm.ParentalConsentAnswer(
                        values.get("guardianConsent") != null, values.get("guardianName"), values.get("guardianEmail"))
                : null;
        return new ApplicationForm(
                vacancy == null ? null : vacancy.id(),
                new ApplicationForm.ApplicantDetails(
                        values.get("firstName"),
                        values.get("lastName"),
                        values.get("email"),
                        values.get("phone"),
                        address,
                        birthDate,
                        null,
                        null,
                        null),
                new ApplicationForm.RetentionConsentAnswer(
                        granted, Boolean.TRUE.equals(granted) ? consentTexts.currentVersion() : null),
                guardian);
    }

    private static List<IncomingFile> files(Map<String, Collection<FormValue>> parts) {
        List<IncomingFile> files = new ArrayList<>();
        for (String part : List.of("cv", "motivationLetter")) {
            Collection<FormValue> values = parts.get(part);
            if (values == null || values.isEmpty()) {
                continue;
            }
            FormValue value = values.iterator().next();
            // a browser sends an empty part without a name when no file was chosen
            if (value.isFileItem()
                    && value.getFileName() != null
                    && !value.getFileName().isBlank()) {
                files.add(IncomingFile.spooled(part, value.getFileItem().getFile(), value.getFileName()));
            }
        }
        return files;
    }

    private static String text(Map<String, Collection<FormValue>> parts, String name) {
        Collection<FormValue> values = parts.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        FormValue value = values.iterator().next();
        if (value.isFileItem()) {
            return null;
        }
        String text = value.getValue();
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The page's field for an intake field path, e.g. applicant.email → email, parentalConsent.* → guardian. */
    private static String pageField(String path) {
        if (path == null) {
            return "form";
        }
        if (path.startsWith("parentalConsent")) {
            return "guardian";
        }
        if (path.startsWith("retentionConsent")) {
            return "consent";
        }
        if (path.startsWith("applicant.address")) {
            return "address";
        }
        if (path.equals("vacancyId")) {
            return "form";
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String errorKey(Problem.FieldError error, ProblemType type) {
        String path = error.field();
        String field = pageField(path);
        boolean file = field.equals("cv") || field.equals("motivationLetter");
        if (file && "contains malware".equals(error.message())) {
            return "error." + field + ".malware";
        }
        if (file && "cannot be checked for malware".equals(error.message())) {
            return "error." + field + ".uncheckable";
        }
        if (file && error.message() != null && error.message().startsWith("active content")) {
            return "error." + field + ".activeContent";
        }
        if (field.equals("form") && "vacancyId".equals(path)) {
            return "error.vacancy";
        }
        if ((field.equals("cv") || field.equals("motivationLetter")) && type == ProblemType.PAYLOAD_TOO_LARGE) {
            return "error." + field + ".tooLarge";
        }
        return KNOWN.contains(field) ? "error." + field : "error.other";
    }

    private static final Set<String> KNOWN = Set.of(
            "firstName",
            "lastName",
            "email",
            "phone",
            "birthDate",
            "address",
            "cv",
            "motivationLetter",
            "consent",
            "guardian");

    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(node -> {
            if (node.getName() != null) {
                names.add(node.getName());
            }
        });
        return pageField(String.join(".", names));
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    private Optional<VacancyService.OpenVacancy> openVacancy(String id) {
        try {
            return vacancies.open(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private Response form(
            VacancyService.OpenVacancy vacancy,
            Locale locale,
            Map<String, String> values,
            Map<String, String> errors,
            int status) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("v", values);
        Map<String, String> errorTexts = new LinkedHashMap<>();
        errors.forEach((field, key) -> errorTexts.put(field, t.getOrDefault(key, t.get("error.other"))));
        data.put("errors", errorTexts);
        data.put("hasErrors", !errorTexts.isEmpty());
        data.put(
                "summary",
                errorTexts.entrySet().stream()
                        .map(e -> ErrorLink.of(e.getKey(), e.getValue()))
                        .toList());
        data.put(
                "details",
                List.of(
                        FormField.of("firstName", "text", 100, "given-name", false, t, values, errorTexts),
                        FormField.of("lastName", "text", 100, "family-name", false, t, values, errorTexts),
                        FormField.of("email", "email", 254, "email", true, t, values, errorTexts),
                        FormField.of("phone", "tel", 40, "tel", false, t, values, errorTexts),
                        FormField.of("birthDate", "date", 10, "bday", false, t, values, errorTexts)));
        data.put(
                "address",
                List.of(
                        FormField.of("street", "text", 200, "address-line1", false, t, values, Map.of()),
                        FormField.of("houseNumber", "text", 20, "off", false, t, values, Map.of()),
                        FormField.of("postalCode", "text", 20, "postal-code", false, t, values, Map.of()),
                        FormField.of("city", "text", 100, "address-level2", false, t, values, Map.of())));
        data.put(
                "guardianFields",
                List.of(
                        FormField.of("guardianName", "text", 200, "off", false, t, values, Map.of()),
                        FormField.of("guardianEmail", "email", 254, "off", false, t, values, Map.of())));
        data.put("vacancy", vacancy);
        data.put(
                "heading",
                vacancy == null ? t.get("apply.open") : MessageFormat.format(t.get("apply.titleFor"), vacancy.title()));
        data.put("action", vacancy == null ? "/apply" : "/apply/" + vacancy.id());
        data.put("consentText", consentTexts.texts().get(consentTexts.currentVersion()));
        String without = PlainWords.period(policy.withoutConsent(), locale);
        String with = PlainWords.period(policy.withConsent(), locale);
        data.put("consentWithout", MessageFormat.format(t.get("apply.consent.without"), without));
        data.put("consentYes", MessageFormat.format(t.get("apply.consent.yes"), with));
        data.put("consentNo", MessageFormat.format(t.get("apply.consent.no"), without));
        data.put(
                "submission",
                Optional.ofNullable(values.get("submission"))
                        .orElseGet(() -> UUID.randomUUID().toString()));
        data.put(
                "switchHref", (vacancy == null ? "/apply" : "/apply/" + vacancy.id()) + "?lang=" + t.get("other.lang"));
        String html = engine.getTemplate("apply/form").data(data).render();
        return pages.page(status, html, locale, true);
    }

    private Response done(ApplicationReceipt receipt, Locale locale) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("token", receipt.accessToken());
        data.put(
                "received",
                MessageFormat.format(
                        t.get("done.received"), PlainWords.date(receipt.appliedAt(), retention.zone(), locale)));
        data.put("whatHappens", receipt.expiresAt() == null ? null : whatHappens(receipt, locale));
        data.put("switchHref", null);
        String html = engine.getTemplate("apply/done").data(data).render();
        return pages.page(200, html, locale, true);
    }

    private String whatHappens(ApplicationReceipt receipt, Locale locale) {
        return PlainWords.whatHappens(
                receipt.expiresAt(),
                receipt.retentionConsentGranted(),
                policy.withoutConsent(),
                policy.withConsent(),
                retention.zone(),
                locale);
    }

    private Response notFound(Locale locale) {
        Map<String, String> t = PageTexts.of(locale);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("switchHref", "/apply?lang=" + t.get("other.lang"));
        return pages.page(404, engine.getTemplate("apply/not-found").data(data).render(), locale, true);
    }
}
