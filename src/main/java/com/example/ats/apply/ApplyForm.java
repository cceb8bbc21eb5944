package com.example.ats.apply;

import com.example.ats.intake.ApplicationForm;
import com.example.ats.intake.IncomingFile;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.example.ats.vacancy.VacancyService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apply page's form: its fields as posted become the intake's {@link ApplicationForm}, and a refusal (a field's
 * constraint, or the intake's problem) becomes the text key of an error next to the page's field.
 */
final class ApplyForm {

    static final Set<String> FIELDS = Set.of(
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

    private ApplyForm() {}

    /** The fields as the page shows them again: stripped, blank ones absent. */
    static Map<String, String> values(Map<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = posted.get(field);
            values.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        return values;
    }

    /** The errors the page finds itself, told together: a missing CV, a file over the limit. */
    static void checkFiles(List<IncomingFile> files, long maxFileSize, Map<String, String> errors) {
        if (files.stream().noneMatch(f -> f.part().equals("cv"))) {
            errors.putIfAbsent("cv", "error_cv");
        }
        for (IncomingFile file : files) {
            if (file.size() > maxFileSize) {
                errors.put(file.part(), "error_" + file.part() + "_tooLarge");
            }
        }
    }

    /** The intake's form from the page's fields; unreadable fields (a date, the consent) go to the errors. */
    static ApplicationForm toForm(
            VacancyService.OpenVacancy vacancy,
            Map<String, String> values,
            String consentTextVersion,
            Map<String, String> errors) {
        LocalDate birthDate = null;
        if (values.get("birthDate") != null) {
            try {
                birthDate = LocalDate.parse(values.get("birthDate"));
            } catch (DateTimeParseException e) {
                errors.put("birthDate", "error_birthDate");
            }
        }
        Boolean granted = switch (String.valueOf(values.get("consent"))) {
            case "yes" -> true;
            case "no" -> false;
            default -> null;
        };
        if (granted == null) {
            errors.put("consent", "error_consent");
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
                        granted, Boolean.TRUE.equals(granted) ? consentTextVersion : null),
                guardian);
    }

    static void addViolations(Set<? extends ConstraintViolation<?>> violations, Map<String, String> errors) {
        for (ConstraintViolation<?> violation : violations) {
            String field = fieldOf(violation.getPropertyPath());
            errors.putIfAbsent(field, "error_" + field);
        }
    }

    static void addProblem(List<Problem.FieldError> fieldErrors, ProblemType type, Map<String, String> errors) {
        for (Problem.FieldError error : fieldErrors) {
            errors.putIfAbsent(pageField(error.field()), errorKey(error, type));
        }
        if (errors.isEmpty()) {
            errors.put("form", "error_other");
        }
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
            return "error_" + field + "_malware";
        }
        if (file && "cannot be checked for malware".equals(error.message())) {
            return "error_" + field + "_uncheckable";
        }
        if (file && error.message() != null && error.message().startsWith("active content")) {
            return "error_" + field + "_activeContent";
        }
        if (field.equals("form") && "vacancyId".equals(path)) {
            return "error_vacancy";
        }
        if (file && type == ProblemType.PAYLOAD_TOO_LARGE) {
            return "error_" + field + "_tooLarge";
        }
        return KNOWN.contains(field) ? "error_" + field : "error_other";
    }

    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(node -> {
            if (node.getName() != null) {
                names.add(node.getName());
            }
        });
        return pageField(String.join(".", names));
    }
}
