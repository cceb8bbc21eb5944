package com.example.ats.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Language;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/** What every rendered page and mail must be: complete (no key the bundle lacked, no expression left) and in words. */
public final class RenderedText {

    private static final Pattern ISO_PERIOD = Pattern.compile("\\bP(T?\\d+[YMWDHS])+\\b");

    private RenderedText() {}

    /** A page's HTML from the answer, checked: in {@code language}, complete. */
    public static String page(Response answer, Language language) {
        String html = (String) answer.getEntity();
        assertThat(html).contains("<html lang=\"" + language.code() + "\"");
        assertComplete(html);
        return html;
    }

    public static void assertComplete(String rendered) {
        assertThat(rendered)
                .doesNotContain("NOT_FOUND") // what Qute renders for a key the bundle does not have
                .doesNotContain("{t:")
                .doesNotContain("{#")
                .doesNotContainPattern(ISO_PERIOD);
    }
}
