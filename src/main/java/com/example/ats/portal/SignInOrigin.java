package com.example.ats.portal;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a sign-in form was posted from the portal's own page. A sign-in has no session yet, so no form token can
 * protect it; a cross-site post could sign a visitor into the attacker's application (and have them type their
 * details into it). Browsers say where a post came from in {@code Sec-Fetch-Site} (same-origin, or none when the user
 * typed it), which decides when present: {@code Origin} cannot, since our pages' {@code Referrer-Policy: no-referrer}
 * makes a browser send {@code Origin: null} even from our own page. Without it (an older browser), the
 * {@code Origin} must name this host and port. A client that sends neither (curl, a script) is not a browser a
 * cross-site page can drive, and passes.
 */
final class SignInOrigin {

    private SignInOrigin() {}

    static boolean sameOrigin(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        HostAndPort self = request.authority(); // the Host header, or the proxy's X-Forwarded-Host where trusted
        try {
            URI from = URI.create(origin.strip());
            return self != null
                    && from.getHost() != null // "null": a sandboxed or data: page
                    && from.getHost()
                            .toLowerCase(Locale.ROOT)
                            .equals(self.host().toLowerCase(Locale.ROOT))
                    && from.getPort() == self.port();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
