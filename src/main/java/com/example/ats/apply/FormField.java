package com.example.ats.apply;

import java.util.Map;

/**
 * One input of the apply page as its template draws it: the text keys of its label, hint and error, and its value
 * as posted back.
 *
 * @param hintKey null when the field has no hint
 * @param errorKey null when the field has no error
 * @param required shown as required; every other field is marked optional
 */
public record FormField(
        String name,
        String type,
        String labelKey,
        String hintKey,
        String value,
        String errorKey,
        int maxLength,
        String autocomplete,
        boolean required) {

    static FormField of(
            String name,
            String type,
            int maxLength,
            String autocomplete,
            boolean required,
            boolean hinted,
            Map<String, String> values,
            Map<String, String> errors) {
        return new FormField(
                name,
                type,
                "apply_" + name,
                hinted ? "apply_" + name + "_hint" : null,
                values.get(name),
                errors.get(name),
                maxLength,
                autocomplete,
                required);
    }

    /** The ids the input is described by: its hint and its error, when it has them. */
    public String describedBy() {
        String ids = (hintKey == null ? "" : name + "-hint ") + (errorKey == null ? "" : name + "-error");
        return ids.strip();
    }
}
