package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's multipart request as a form: the parts named and counted as the contract says, the JSON part within its
 * size, parsed and valid, the files sent as files. Each refusal is a 4xx problem naming the part or field.
 */
@ApplicationScoped
class IntakeForms {

    private final ObjectMapper json;
    private final Validator validator;

    IntakeForms(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    ApplicationForm read(Reception reception) throws JsonProcessingException {
        checkPartNames(reception.partCounts());
        if (reception.formTooLarge()) {
            throw new ApiException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The application part is larger than " + IntakeReceiver.MAX_FORM_BYTES + " bytes");
        }
        ApplicationForm form = parse(reception.form());
        for (String part : IntakeParts.FILES) {
            if (reception.notFiles().contains(part)) {
                throw ApiException.invalidField(part, "must be a file part (with a filename)");
            }
        }
        return form;
    }

    private static void checkPartNames(Map<String, Integer> parts) {
        List<Problem.FieldError> errors = new ArrayList<>();
        parts.forEach((name, count) -> {
            if (!IntakeParts.ALL.contains(name)) {
                errors.add(new Problem.FieldError(name, "unknown part; expected application, cv, motivationLetter"));
            } else if (count > 1) {
                errors.add(new Problem.FieldError(name, "must be sent once"));
            }
        });
        for (String required : List.of(IntakeParts.APPLICATION, IntakeParts.CV)) {
            if (!parts.containsKey(required)) {
                errors.add(new Problem.FieldError(required, "required part is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "The request's parts are not as expected", errors);
        }
    }

    /** Parses and validates the JSON part; field paths in errors are relative to it, e.g. `applicant.email`. */
    private ApplicationForm parse(String formJson) throws JsonProcessingException {
        ApplicationForm form = json.readValue(formJson, ApplicationForm.class);
        if (form == null) {
            throw ApiException.invalidField(IntakeParts.APPLICATION, "must be a JSON object");
        }
        Set<ConstraintViolation<ApplicationForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return form;
    }
}
