package com.example.ats.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the service answers with a page for people (apply page, privacy portal, consent page): never cached, no
 * referrer, only its own scripts and styles, and framed only by the configured career sites (none by default).
 */
@ApplicationScoped
public class HtmlPages {

    private final String frameAncestors;

    HtmlPages(@ConfigProperty(name = "ats.web.frame-ancestors") Optional<List<String>> frameAncestors) {
        this.frameAncestors = frameAncestors
                .filter(list -> !list.isEmpty())
                .map(list -> String.join(" ", list))
                .orElse("'none'");
    }

    /**
     * The page, with its headers.
     *
     * @param embeddable whether a configured career site may frame it (the apply page), or nobody (the rest)
     */
    public Response page(int status, String html, Locale locale, boolean embeddable) {
        String ancestors = embeddable ? frameAncestors : "'none'";
        Response.ResponseBuilder answer = Response.status(status);
        if (!embeddable || frameAncestors.equals("'none'")) {
            answer.header("X-Frame-Options", "DENY"); // for browsers that do not know frame-ancestors
        }
        return answer.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .language(locale)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
                                + " form-action 'self'; base-uri 'none'; frame-ancestors " + ancestors)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
