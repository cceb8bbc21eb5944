package com.example.ats.portal;

import com.example.ats.application.ApplicantView;
import com.example.ats.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's form of the details an applicant may correct: what was posted becomes the same merge patch the API
 * takes (a blank field removes an optional detail, a field not posted stays as it is), and a refusal becomes the
 * text key of the error next to its field.
 */
final class DetailsForm {

    static final List<String> FIELDS = List.of("firstName", "lastName", "email", "phone");

    private DetailsForm() {}

    /** The details held, by form field. */
    static Map<String, String> values(ApplicantView applicant) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", applicant.firstName());
        values.put("lastName", applicant.lastName());
        values.put("email", applicant.email());
        values.put("phone", applicant.phone());
        return values;
    }

    static JsonNode patch(Map<String, String> posted) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        posted.forEach((field, value) -> {
            if (value == null) {
                return;
            }
            if (value.isBlank()) {
                patch.putNull(field);
            } else {
                patch.put(field, value.strip());
            }
        });
        return patch;
    }

    /** The errors of a refused correction, by form field (the whole form when no field is named). */
    static Map<String, String> errors(RuntimeException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal instanceof ConstraintViolationException invalid) {
            for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                errors.putIfAbsent(lastNode(violation), "portal_error_" + lastNode(violation));
            }
        } else if (refusal instanceof ApiException refused) {
            refused.errors()
                    .forEach(error -> errors.putIfAbsent(field(error.field()), "portal_error_" + field(error.field())));
        }
        if (errors.isEmpty()) {
            errors.put("details", "portal_error_details");
        }
        return errors;
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
        return FIELDS.contains(last) ? last : "details";
    }
}
