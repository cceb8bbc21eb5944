package com.example.ats.self;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Three wrong tokens per hour, to reach the limit in a test. */
public class SmallTokenLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ats.self.failed-token-limit", "3", "ats.self.failed-token-period", "PT1H");
    }
}
