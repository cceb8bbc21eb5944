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
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, before a byte of the body is read, what the framework would read in vain or stumble over, with a
 * problem+json answer: a multipart body without a usable boundary (400; RESTEasy's parser fails on an empty one with
 * a 500), and a request whose announced length is over its limit with a problem+json 413, before a byte of the body is
 * read: quarkus.http.limits.max-body-size for uploads (multipart), ats.http.max-json-body-size for every other body
 * (JSON requests are small; a 21 MiB one is an attack). Quarkus refuses bodies over the first with an empty answer
 * itself; this route runs just before.
 */
@ApplicationScoped
public class EarlyRefusals {

    /** The one JSON body that is large by design: up to 10,000 purge records to replay after a restore. */
    private static final String BULK_PATH = "/api/v1/retention/purges/replay";

    private final long limit;
    private final long jsonLimit;
    private final ObjectMapper json;

    EarlyRefusals(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            @ConfigProperty(name = "ats.http.max-json-body-size", defaultValue = "64K") MemorySize jsonLimit,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.jsonLimit = jsonLimit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && !hasBoundary(type)) {
            refuse(
                    context,
                    ProblemType.MALFORMED_REQUEST,
                    "A multipart body needs a boundary of 1 to 70 characters in its Content-Type");
            return;
        }
        long allowed = multipart || BULK_PATH.equals(context.normalizedPath()) ? limit : jsonLimit;
        if (announced != null && isOver(announced, allowed)) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "The request is larger than " + allowed + " bytes in all");
            return;
        }
        context.next();
    }

    /** RFC 2046 5.1.1: boundary := 1*70 characters, possibly quoted. */
    static boolean hasBoundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                String value = pair[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return !value.isEmpty() && value.length() <= 70;
            }
        }
        return false;
    }

    /** The request path as a relative URI, or none when the raw path is not a valid one. */
    private static URI instanceOf(RoutingContext context) {
        try {
            return URI.create(context.normalizedPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        String requestId = context.request().getHeader(RequestIdFilter.HEADER);
        if (requestId == null || !RequestIdFilter.isAcceptable(requestId)) {
            requestId = UUID.randomUUID().toString();
        }
        Problem problem =
                new Problem(type.uri(), type.title(), type.status(), detail, instanceOf(context), requestId, null);
        try {
            context.response()
                    .setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(RequestIdFilter.HEADER, requestId)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(type.status());
        }
    }

    private static boolean isOver(String announced, long allowed) {
        try {
            return Long.parseLong(announced.trim()) > allowed;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }
}
