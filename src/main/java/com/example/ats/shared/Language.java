package com.example.ats.shared;

import java.util.List;
import java.util.Locale;

/**
 * The language an applicant reads: Dutch, the company's language, unless English was chosen. The one place that
 * decides: an explicit choice first (the page's switch, the language stored with an application, the API's
 * parameter), then the browser's {@code Accept-Language} (any {@code nl-*} or {@code en-*} counts, by weight), then
 * Dutch.
 */
public enum Language {
    DUTCH(Locale.of("nl")),
    ENGLISH(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** "nl" or "en", as stored and as the pages' {@code lang} parameter spells it. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language a page's switch offers. */
    public Language other() {
        return this == DUTCH ? ENGLISH : DUTCH;
    }

    /** A page's address with {@code ?lang=} the other language: the target of its language switch. */
    public static String switchHref(String path, Locale locale) {
        return path + "?lang=" + of(locale).other().code();
    }

    /** The explicit choice when it names one, else what the browser prefers, else Dutch. */
    public static Language of(String chosen, String acceptLanguage) {
        if ("en".equals(chosen)) {
            return ENGLISH;
        }
        if ("nl".equals(chosen)) {
            return DUTCH;
        }
        return preferred(acceptLanguage);
    }

    /** A stored or chosen code: English for "en", Dutch for anything else (null included). */
    public static Language of(String code) {
        return "en".equals(code) ? ENGLISH : DUTCH;
    }

    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? ENGLISH : DUTCH;
    }

    /** Whichever an {@code Accept-Language} header prefers; Dutch when it is absent, malformed, or names neither. */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DUTCH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return DUTCH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange();
            if (tag.equals("*") || isLanguage(tag, "nl")) {
                return DUTCH;
            }
            if (isLanguage(tag, "en")) {
                return ENGLISH;
            }
        }
        return DUTCH;
    }

    private static boolean isLanguage(String tag, String language) {
        return tag.equals(language) || tag.startsWith(language + "-");
    }
}
