package com.example.ats.shared;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling: the one place that reads the security identity, for audit events and status history. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The Keycloak user name, or the client id for a service account; "anonymous" without a token. */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt) {
            String username = jwt.getClaim("preferred_username");
            if (username != null && !username.startsWith("service-account-")) {
                return username;
            }
            String clientId = jwt.getClaim("azp");
            if (clientId != null) {
                return clientId;
            }
        }
        return identity.getPrincipal().getName();
    }

    /**
     * A stable id of the caller for ownership: the token's {@code sub} (a user name can be changed and reused, the
     * subject cannot); the principal's name for any other identity.
     */
    public String id() {
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * The client id ({@code azp}) of the caller's token; empty without one, and where the door is open without a login
     * (authentication is lazy there) also when the token does not hold: such a caller is anonymous, not refused.
     */
    public Optional<String> clientId() {
        try {
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt) {
                return Optional.ofNullable(jwt.getClaim("azp"));
            }
        } catch (RuntimeException e) { // a token that does not hold fails only when asked
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether the caller has this realm role. */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's most privileged staff role, or "none". */
    public String role() {
        return Roles.ALL.stream().filter(identity::hasRole).findFirst().orElse("none");
    }
}
