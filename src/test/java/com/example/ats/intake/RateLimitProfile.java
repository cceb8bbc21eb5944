package com.example.ats.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A small intake rate limit, to reach it in a test. */
public class RateLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ats.intake.rate-limit-capacity", "3", "ats.intake.rate-limit-period", "PT1H");
    }
}
