package com.example.ats.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The words of the pages the service serves to applicants, Dutch and English, from {@code web/texts_nl.properties}
 * and {@code web/texts_en.properties} (UTF-8): templates read them as {@code {t.key}}.
 */
public final class PageTexts {

    private static final Map<String, String> DUTCH = load("nl");
    private static final Map<String, String> ENGLISH = load("en");

    private PageTexts() {}

    public static Map<String, String> of(Locale locale) {
        return locale.getLanguage().equals("en") ? ENGLISH : DUTCH;
    }

    private static Map<String, String> load(String language) {
        Properties properties = new Properties();
        try (InputStream in = PageTexts.class.getResourceAsStream("/web/texts_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("web/texts_" + language + ".properties is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return Map.copyOf(texts);
    }
}
