package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Abuse limit of the public intake: a token bucket per client address (Bucket4j), the buckets in a bounded cache
 * that forgets idle addresses. Answers carry the RateLimit-* headers of the IETF draft; a refusal is a 429 with
 * Retry-After. Behind a proxy, enable quarkus.http.proxy.* so the client's address is the one counted.
 */
public class IntakeRateLimit {

    private static final String PROBE = IntakeRateLimit.class.getName() + ".probe";

    /** Filters are created before runtime configuration exists: the buckets live in a lazily created bean. */
    @ApplicationScoped
    static class Buckets {

        final long capacity;
        private final Duration period;
        private final Cache<String, Bucket> byAddress;

        Buckets(IntakeConfig config) {
            this.capacity = config.rateLimitCapacity();
            this.period = config.rateLimitPeriod();
            this.byAddress = Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterAccess(period.multipliedBy(2))
                    .build();
        }

        ConsumptionProbe take(String address) {
            return byAddress
                    .get(
                            address,
                            a -> Bucket.builder()
                                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                                    .build())
                    .tryConsumeAndReturnRemaining(1);
        }

        long capacity() {
            return capacity;
        }
    }

    private final Buckets buckets;

    IntakeRateLimit(Buckets buckets) {
        this.buckets = buckets;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!isIntake(context)) {
            return;
        }
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        ConsumptionProbe probe = buckets.take(address);
        context.setProperty(PROBE, probe);
        if (!probe.isConsumed()) {
            long retryAfter = seconds(probe.getNanosToWaitForRefill());
            throw withLimitHeaders(
                            new ApiException(
                                    ProblemType.TOO_MANY_REQUESTS,
                                    "Too many applications from this address; try again in " + retryAfter + " s"),
                            probe)
                    .withHeader("Retry-After", Long.toString(retryAfter));
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe && probe.isConsumed()) {
            response.getHeaders().putSingle("RateLimit-Limit", buckets.capacity());
            response.getHeaders().putSingle("RateLimit-Remaining", probe.getRemainingTokens());
            response.getHeaders().putSingle("RateLimit-Reset", seconds(probe.getNanosToWaitForReset()));
        }
    }

    private ApiException withLimitHeaders(ApiException e, ConsumptionProbe probe) {
        return e.withHeader("RateLimit-Limit", Long.toString(buckets.capacity()))
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
    }

    private static boolean isIntake(ContainerRequestContext context) {
        // every spelling the router may accept: trailing slashes, any case
        String path = context.getUriInfo().getPath().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        return "POST".equalsIgnoreCase(context.getMethod()) && "/api/v1/applications".equals(path);
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
