package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ClientAddress;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.RateBuckets;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Abuse limits of the public intake (API and apply page) and of the job board: a token bucket per client address (Bucket4j), the buckets in a bounded cache
 * that forgets idle addresses. Answers carry the RateLimit-* headers of the IETF draft; a refusal is a 429 with
 * Retry-After. Behind a proxy, enable quarkus.http.proxy.* so the client's address is the one counted.
 */
public class IntakeRateLimit {

    private static final String PROBE = IntakeRateLimit.class.getName() + ".probe";

    /** Filters are created before runtime configuration exists: the buckets live in a lazily created bean. */
    @ApplicationScoped
    public static class Limits {

        private final RateBuckets intake;
        private final RateBuckets publicReads;

        Limits(IntakeConfig config) {
            this.intake = new RateBuckets(config.rateLimitCapacity(), config.rateLimitPeriod());
            this.publicReads = new RateBuckets(config.publicReadLimitCapacity(), config.rateLimitPeriod());
        }

        /**
         * Takes one intake attempt of this address; false when over the limit. For the apply page, which answers
         * a refusal with its own page instead of this filter's problem+json.
         */
        public boolean tryIntake(String address) {
            return intake.take(address).isConsumed();
        }

        // methods, not fields: this is reached through its client proxy
        RateBuckets intake() {
            return intake;
        }

        RateBuckets publicReads() {
            return publicReads;
        }
    }

    private static final String BUCKETS = IntakeRateLimit.class.getName() + ".buckets";

    private final Limits limits;

    IntakeRateLimit(Limits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext context, HttpServerRequest request) {
        RateBuckets buckets = isIntake(context) ? limits.intake() : isPublicRead(context) ? limits.publicReads() : null;
        if (buckets == null) {
            return;
        }
        context.setProperty(BUCKETS, buckets);
        String address = ClientAddress.of(request);
        ConsumptionProbe probe = buckets.take(address);
        context.setProperty(PROBE, probe);
        if (!probe.isConsumed()) {
            long retryAfter = seconds(probe.getNanosToWaitForRefill());
            throw withLimitHeaders(
                            new ApiException(
                                    ProblemType.TOO_MANY_REQUESTS,
                                    "Too many requests from this address; try again in " + retryAfter + " s"),
                            buckets,
                            probe)
                    .withHeader("Retry-After", Long.toString(retryAfter));
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe
                && probe.isConsumed()
                && request.getProperty(BUCKETS) instanceof RateBuckets buckets) {
            response.getHeaders().putSingle("RateLimit-Limit", buckets.capacity());
            response.getHeaders().putSingle("RateLimit-Remaining", probe.getRemainingTokens());
            response.getHeaders().putSingle("RateLimit-Reset", seconds(probe.getNanosToWaitForReset()));
        }
    }

    private static ApiException withLimitHeaders(ApiException e, RateBuckets buckets, ConsumptionProbe probe) {
        return e.withHeader("RateLimit-Limit", Long.toString(buckets.capacity()))
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
    }

    private static boolean isIntake(ContainerRequestContext context) {
        String path = path(context);
        // the apply page counts its posts itself (Limits.tryIntake), to answer with a page
        return "POST".equalsIgnoreCase(context.getMethod()) && "/api/v1/applications".equals(path);
    }

    private static boolean isPublicRead(ContainerRequestContext context) {
        String path = path(context);
        return path.startsWith("/api/v1/public/") || path.startsWith("/consent/");
    }

    /** Every spelling the router may accept: trailing slashes, any case. */
    private static String path(ContainerRequestContext context) {
        return context.getUriInfo().getPath().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
