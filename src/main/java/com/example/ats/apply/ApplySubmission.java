package com.example.ats.apply;

import com.example.ats.intake.ApplicationForm;
import com.example.ats.intake.IdempotentReplay;
import com.example.ats.intake.IncomingFile;
import com.example.ats.intake.IntakeChannel;
import com.example.ats.intake.IntakeConfig;
import com.example.ats.intake.IntakeReceiver;
import com.example.ats.intake.IntakeService;
import com.example.ats.intake.Reception;
import com.example.ats.intake.Sender;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Language;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimits;
import com.example.ats.vacancy.VacancyService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A post of the apply page, on the API's path: counted by the intake's rate limit before a byte of the body is read,
 * then received by {@link IntakeReceiver} under the same concurrency bound (files streamed to the store as they
 * arrive), then checked, and kept or removed by their {@link Reception}.
 */
@ApplicationScoped
class ApplySubmission {

    private static final Pattern SUBMISSION = Pattern.compile("[0-9a-f-]{36}");

    private final IntakeReceiver receiver;
    private final IntakeService intake;
    private final RateLimits limits;
    private final IntakeConfig config;
    private final Validator validator;
    private final ObjectMapper json;
    private final ApplyPages pages;

    ApplySubmission(
            IntakeReceiver receiver,
            IntakeService intake,
            RateLimits limits,
            IntakeConfig config,
            Validator validator,
            ObjectMapper json,
            ApplyPages pages) {
        this.receiver = receiver;
        this.intake = intake;
        this.limits = limits;
        this.config = config;
        this.validator = validator;
        this.json = json;
        this.pages = pages;
    }

    /** Takes a post of the form, answering with the receipt or with the form and its errors. */
    Response submit(
            VacancyService.OpenVacancy vacancy,
            String contentType,
            InputStream body,
            String acceptLanguage,
            Sender sender) {
        Locale asked = Language.of(null, acceptLanguage).locale();
        if (!limits.take(RateLimit.INTAKE, sender.client()).allowed()) {
            return unread(pages.form(vacancy, asked, Map.of(), Map.of("form", "error_tooMany"), 429));
        }
        try (Reception reception = receiver.receivePage(contentType, body, ApplyForm.FIELDS, sender)) {
            Map<String, String> values = ApplyForm.values(reception.fields());
            return decide(
                    vacancy,
                    reception,
                    values,
                    Language.of(values.get("lang"), acceptLanguage).locale(),
                    sender.client());
        } catch (ApiException e) { // the body itself: too many at once, too large in all, malformed or too slow
            String error = switch (e.type()) {
                case SERVICE_UNAVAILABLE -> "error_unavailable";
                case TOO_MANY_REQUESTS -> "error_tooMany";
                case PAYLOAD_TOO_LARGE -> "error_requestTooLarge";
                default -> "error_resend";
            };
            Response page = pages.form(
                    vacancy, asked, Map.of(), Map.of("form", error), e.type().status());
            boolean unread = e.type() == ProblemType.SERVICE_UNAVAILABLE || e.type() == ProblemType.TOO_MANY_REQUESTS;
            return unread ? unread(page) : page; // refused before reading
        } catch (IOException e) {
            return pages.form(vacancy, asked, Map.of(), Map.of("form", "error_resend"), 400);
        }
    }

    /** The page's checks, told together, then the intake's; the reception keeps the files only when it took them. */
    private Response decide(
            VacancyService.OpenVacancy vacancy,
            Reception reception,
            Map<String, String> values,
            Locale locale,
            String address) {
        Map<String, String> errors = new LinkedHashMap<>();
        ApplicationForm form = ApplyForm.toForm(vacancy, values, pages.consentTextVersion(), errors);
        List<IncomingFile> files = reception.files();
        ApplyForm.checkFiles(files, config.maxFileSize().asLongValue(), errors);
        ApplyForm.addViolations(validator.validate(form), errors);
        if (!errors.isEmpty()) {
            return pages.form(vacancy, locale, values, errors, 422);
        }
        String submission = values.get("submission");
        IdempotentReplay.ClientKey key =
                submission != null && SUBMISSION.matcher(submission).matches()
                        ? new IdempotentReplay.ClientKey("apply-page:" + submission, address)
                        : null;
        try {
            IntakeService.Outcome outcome = intake.submit(
                    reception, form, json.writeValueAsString(form), key, locale, IntakeChannel.APPLY_PAGE);
            if (!outcome.replayed()) {
                reception.keep();
            }
            return pages.done(outcome.receipt(), locale);
        } catch (ApiException e) {
            if (e.type() == ProblemType.TOO_MANY_REQUESTS || e.type() == ProblemType.SERVICE_UNAVAILABLE) {
                errors.put("form", e.type() == ProblemType.TOO_MANY_REQUESTS ? "error_tooMany" : "error_unavailable");
            } else if (e.type() == ProblemType.CONFLICT
                    || (e.type() == ProblemType.VALIDATION_FAILED && e.errors().isEmpty())) {
                // the submission key was used for another form, or its application is gone: a fresh key, once more
                values.put("submission", null);
                errors.put("form", "error_resend");
            } else {
                ApplyForm.addProblem(e.errors(), e.type(), errors);
            }
            return pages.form(vacancy, locale, values, errors, e.type().status());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer given before the body was read: the connection closes rather than read what nobody will use. */
    static Response unread(Response answer) {
        return Response.fromResponse(answer).header("Connection", "close").build();
    }
}
