package com.example.ats.intake;

import java.util.Optional;
import java.util.regex.Pattern;

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
     * The channel of a post to the API: {@code client:} and the client id when a valid token came with it
     * ({@code Caller.clientId}: a token that does not hold makes the post anonymous, never a 401 after the upload).
     */
    public static String of(Optional<String> clientId) {
        return clientId.map(id -> CLIENT_ID.matcher(id).matches() ? "client:" + id : OTHER_CLIENT)
                .orElse(API);
    }
}
