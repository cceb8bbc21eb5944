package com.example.ats.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Every instant the API accepts, in a body or a query, lies between 1970 and the year 9999: ISO-8601 allows years far
 * beyond what PostgreSQL stores, which would otherwise fail deep down as a server error. Outside: 422 for a body
 * field (with its path), 400 for a query parameter. Rules of the domain (e.g. a request received within the last
 * year) narrow this further where they apply.
 */
public final class SensibleInstants {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private SensibleInstants() {}

    public static boolean sensible(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** JSON bodies: the standard ISO-8601 reading, then the range. */
    @Singleton
    public static class InBodies implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("sensible-instants").addDeserializer(Instant.class, new Reader()));
        }
    }

    static final class Reader extends JsonDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (instant != null && !sensible(instant)) {
                throw new InvalidFormatException(
                        parser, "must lie between 1970 and the year 9999", instant.toString(), Instant.class);
            }
            return instant;
        }
    }

    /** Query and path parameters. */
    @Provider
    public static class InParameters implements ParamConverterProvider {

        @Override
        @SuppressWarnings("unchecked")
        public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
            if (rawType != Instant.class) {
                return null;
            }
            return (ParamConverter<T>) new ParamConverter<Instant>() {
                @Override
                public Instant fromString(String value) {
                    if (value == null) {
                        return null;
                    }
                    Instant instant;
                    try {
                        instant = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw malformed();
                    }
                    if (!sensible(instant)) {
                        throw malformed();
                    }
                    return instant;
                }

                @Override
                public String toString(Instant value) {
                    return value.toString();
                }
            };
        }

        private static ApiException malformed() {
            return new ApiException(
                    ProblemType.MALFORMED_REQUEST,
                    "An instant parameter is not an ISO-8601 instant between 1970 and the year 9999");
        }
    }
}
