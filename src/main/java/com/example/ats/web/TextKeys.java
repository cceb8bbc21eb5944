package com.example.ats.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of {@link ApplicantTexts}, for a key made at run time (an error of a field, a scan state): templates look
 * those up with {@code {t:message(key)}}, which has no build-time check, so a page first falls back to a key it knows.
 */
public final class TextKeys {

    private static final Set<String> KEYS = Arrays.stream(ApplicantTexts.class.getDeclaredMethods())
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private TextKeys() {}

    public static boolean known(String key) {
        return KEYS.contains(key);
    }

    /** {@code key} when the bundle has it, else {@code fallback} (a key from a request's parameter, too). */
    public static String orElse(String key, String fallback) {
        return known(key) ? key : fallback;
    }
}
