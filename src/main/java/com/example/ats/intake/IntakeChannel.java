package com.example.ats.intake;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * How an application came in, kept with it for the statistics: the apply pages, the public API (a career site), or
 * the client id of the HR tool whose token came with it. A client, never a person.
 */
public final class IntakeChannel {

    public static final String APPLY_PAGE = "apply-page";
    public static final String API = "api";
    /** A token whose client id cannot be shown as one (never expected from Keycloak). */
    static final String OTHER_CLIENT = "client:?";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private IntakeChannel() {}

    /**
     * The channel of a post to the API: {@code client:} and the client id when a valid token came with it. The door is
     * open without a login: a token that does not hold (expired, another issuer) makes the post anonymous, never a 401
     * after the upload.
     */
    public static String of(SecurityIdentity identity) {
        try {
            if (identity == null || identity.isAnonymous()) {
                return API;
            }
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                Object client = token.getClaim("azp");
                if (client instanceof String id && CLIENT_ID.matcher(id).matches()) {
                    return "client:" + id;
                }
            }
            return OTHER_CLIENT;
        } catch (RuntimeException e) { // authentication is lazy here: a bad token fails only when asked
            return API;
        }
    }
}
