package com.example.ats.applicant;

import com.example.ats.application.Applicant;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.consent.ConsentKind;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.intake.ApplicantMapping;
import com.example.ats.intake.ApplicantRules;
import com.example.ats.intake.ApplicationForm;
import com.example.ats.shared.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Rectification: a JSON Merge Patch (RFC 7396) of the applicant's details, checked by the same rules as intake
 * (sizes, e-mail, phone, no BSN or control characters in free text, unknown fields refused, a plausible birth date,
 * and a guardian's consent on record when the corrected birth date makes the applicant younger than 16). Answers the names of
 * the fields that changed, for the audit trail; never their values. A new e-mail address is not taken here: it is
 * answered apart, to be confirmed by its owner ({@link AddressChange}).
 */
@ApplicationScoped
public class Rectification {

    private final ApplicationRepository applications;
    private final ObjectMapper json;
    private final Validator validator;
    private final ApplicantRules rules;
    private final ConsentEventRepository consents;
    private final Outbox outbox;

    Rectification(
            ApplicationRepository applications,
            ObjectMapper json,
            Validator validator,
            ApplicantRules rules,
            ConsentEventRepository consents,
            Outbox outbox) {
        this.applications = applications;
        this.json = json;
        this.validator = validator;
        this.rules = rules;
        this.consents = consents;
        this.outbox = outbox;
    }

    /**
     * What a correction changed.
     *
     * @param changed the fields that changed now (names only)
     * @param newEmail a new e-mail address, not taken yet: null when the address is as it was
     */
    public record Corrected(Set<String> changed, String newEmail) {}

    @Transactional
    public Corrected apply(UUID applicationId, JsonNode patch) {
        if (!(patch instanceof ObjectNode)) {
            throw ApiException.invalidField("", "a merge patch of the applicant details must be a JSON object");
        }
        Application application = applications.findById(applicationId);
        Applicant applicant = application.applicant;
        JsonNode before = json.valueToTree(ApplicantMapping.toForm(applicant));
        JsonNode after = merge(before.deepCopy(), patch);
        ApplicationForm.ApplicantDetails details;
        try {
            details = json.treeToValue(after, ApplicationForm.ApplicantDetails.class);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidField(fieldOf(e), "is unknown or has the wrong type or format");
        }
        Set<ConstraintViolation<ApplicationForm.ApplicantDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        rules.checkCorrectedBirthDate(
                details.birthDate(),
                application.appliedAt,
                consents.forApplication(applicationId).stream()
                        .anyMatch(e -> e.kind == ConsentKind.PARENTAL && e.action == ConsentAction.GRANTED));
        Set<String> changed = new TreeSet<>();
        diff("", before, json.valueToTree(details), changed);
        String address = applicant.email;
        ApplicantMapping.copy(details, applicant);
        String newEmail = null;
        if (changed.remove("email")) {
            newEmail = applicant.email;
            applicant.email = address; // until its owner confirms it
        }
        if (!changed.isEmpty()) {
            outbox.record(EventType.APPLICATION_RECTIFIED, applicationId, "fields", changed);
        }
        return new Corrected(changed, newEmail);
    }

    /** RFC 7396: null removes, objects merge member by member, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result =
                target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static void diff(String prefix, JsonNode before, JsonNode after, Set<String> changed) {
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode a = before.get(name);
            JsonNode b = after.get(name);
            boolean aNull = a == null || a.isNull();
            boolean bNull = b == null || b.isNull();
            if (!aNull && !bNull && a.isObject() && b.isObject()) {
                diff(prefix + name + ".", a, b, changed);
            } else if (aNull != bNull || (!aNull && !a.equals(b))) {
                changed.add(prefix + name);
            }
        }
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return String.join(
                    ".",
                    mapping.getPath().stream()
                            .map(r -> r.getFieldName() == null ? "" : r.getFieldName())
                            .toList());
        }
        return "";
    }
}
