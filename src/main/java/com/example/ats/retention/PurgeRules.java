package com.example.ats.retention;

import com.example.ats.application.Application;
import java.time.Instant;

/**
 * The two retention questions every part of the service asks, answered in one place: in SQL for the purge, the
 * preview, the metrics and the search, and in Java for a loaded application (erasure, the detail view). A hold is in
 * force when it has a reason and no end, or an end still ahead; an application is due for purge when its expiry has
 * passed and no hold is in force.
 */
public final class PurgeRules {

    private PurgeRules() {}

    /** SQL: the application of table alias {@code a} is under a legal hold in force at the parameter {@code now}. */
    public static String holdInForce(String a, String now) {
        return "(" + a + ".legal_hold_reason is not null and (" + a + ".legal_hold_until is null or " + a
                + ".legal_hold_until > " + now + "))";
    }

    /** SQL: the application of table alias {@code a} is due for purge at the parameter {@code now}. */
    public static String dueForPurge(String a, String now) {
        return "(" + a + ".expires_at <= " + now + " and not " + holdInForce(a, now) + ")";
    }

    public static boolean holdInForce(Application application, Instant now) {
        return application.legalHoldReason != null
                && (application.legalHoldUntil == null || application.legalHoldUntil.isAfter(now));
    }

    public static boolean dueForPurge(Application application, Instant now) {
        return application.expiresAt != null && !application.expiresAt.isAfter(now) && !holdInForce(application, now);
    }
}
