package com.example.ats.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose announced length is over quarkus.http.limits.max-body-size with a problem+json 413, before
 * a byte of the body is read. (Quarkus refuses such requests too, with an empty body; this route runs just before.)
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long limit;
    private final ObjectMapper json;

    RequestSizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced == null || !isOver(announced)) {
            context.next();
            return;
        }
        String requestId = context.request().getHeader(RequestIdFilter.HEADER);
        if (requestId == null || !RequestIdFilter.isAcceptable(requestId)) {
            requestId = UUID.randomUUID().toString();
        }
        Problem problem = new Problem(
                ProblemType.PAYLOAD_TOO_LARGE.uri(),
                ProblemType.PAYLOAD_TOO_LARGE.title(),
                413,
                "The request is larger than " + limit + " bytes in all",
                URI.create(context.request().path()),
                requestId,
                null);
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .putHeader(RequestIdFilter.HEADER, requestId)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413);
        }
    }

    private boolean isOver(String announced) {
        try {
            return Long.parseLong(announced.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }
}
