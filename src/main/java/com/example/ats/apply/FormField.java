package com.example.ats.apply;

import java.util.Map;

/**
 * One input of the apply page as its template draws it: label, value as posted back, the error next to it.
 *
 * @param required shown as required; every other field is marked optional
 */
public record FormField(
        String name,
        String type,
        String label,
        String hint,
        String value,
        String error,
        int maxLength,
        String autocomplete,
        boolean required) {

    static FormField of(
            String name,
            String type,
            int maxLength,
            String autocomplete,
            boolean required,
            Map<String, String> texts,
            Map<String, String> values,
            Map<String, String> errors) {
        return new FormField(
                name,
                type,
                texts.get("apply." + name),
                texts.get("apply." + name + ".hint"),
                values.get(name),
                errors.get(name),
                maxLength,
                autocomplete,
                required);
    }

    /** The ids the input is described by: its hint and its error, when it has them. */
    public String describedBy() {
        String ids = (hint == null ? "" : name + "-hint ") + (error == null ? "" : name + "-error");
        return ids.strip();
    }
}
