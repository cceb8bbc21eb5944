package com.example.ats.shared;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies {@link RateLimited} per client address before the body is read. Answers carry the RateLimit-* headers of
 * the IETF draft; a refusal is a 429 with Retry-After. Behind a proxy, enable quarkus.http.proxy.* so the client's
 * address is the one counted ({@link ClientAddress}).
 */
public class RateLimitFilter {

    private static final String VERDICT = RateLimitFilter.class.getName() + ".verdict";

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        RateLimited limited = limitOf(resource);
        if (limited == null) {
            return;
        }
        RateLimits.Verdict verdict = limits.take(limited.value(), ClientAddress.of(request));
        if (!verdict.allowed()) {
            throw RateLimits.refusal(verdict, "Too many requests from this address");
        }
        context.setProperty(VERDICT, verdict);
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof RateLimits.Verdict verdict) {
            response.getHeaders().putSingle("RateLimit-Limit", verdict.capacity());
            response.getHeaders().putSingle("RateLimit-Remaining", verdict.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", verdict.reset());
        }
    }

    private static RateLimited limitOf(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RateLimited onMethod = resource.getResourceMethod().getAnnotation(RateLimited.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RateLimited.class);
    }
}
