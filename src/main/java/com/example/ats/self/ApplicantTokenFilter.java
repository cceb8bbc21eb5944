package com.example.ats.self;

import com.example.ats.applicant.ApplicantAuthentication;
import com.example.ats.shared.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@code Applicant-Token} of every self-service request before its body is read: a caller without a valid
 * token gets its 401 (or 429) cheaply, whatever it sends. The application the token opens is kept for the request in
 * {@link ApplicantSession}.
 */
public class ApplicantTokenFilter {

    static final String SELF_PATH = "/api/v1/self/";

    private final ApplicantAuthentication authentication;
    private final ApplicantSession session;

    ApplicantTokenFilter(ApplicantAuthentication authentication, ApplicantSession session) {
        this.authentication = authentication;
        this.session = session;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().toLowerCase(Locale.ROOT).startsWith(SELF_PATH)) {
            return;
        }
        String address = ClientAddress.of(request);
        session.open(authentication.authenticate(context.getHeaderString(SelfApplicationResource.TOKEN), address));
    }
}
