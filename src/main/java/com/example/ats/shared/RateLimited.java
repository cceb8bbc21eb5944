package com.example.ats.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts each request to this API method (or every method of this class) against a limit per client address,
 * before the body is read; over the limit the answer is 429 problem+json with {@code Retry-After} ({@link
 * RateLimitFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
    RateLimit value();
}
