package com.example.ats.retention;

import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the one {@link RetentionPolicy} from configuration, failing at start when an amount is not ISO-8601. */
public class RetentionPolicyProducer {

    @Produces
    @Singleton
    RetentionPolicy policy(RetentionConfig config, Clock clock) {
        RetentionPolicy policy = new RetentionPolicy(
                RetentionAmount.parse(config.withoutConsent()),
                RetentionAmount.parse(config.withConsent()),
                config.zone(),
                config.clockStart(),
                clock);
        Log.infof("Retention policy in force: %s", policy.version());
        return policy;
    }
}
