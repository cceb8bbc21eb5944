package com.example.ats.retention;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Retention in seconds, as an operator would set it to watch the whole cycle: 20 s without consent, a purge every second. */
public class ShortRetentionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ats.retention.without-consent", "PT20S",
                "ats.retention.with-consent", "PT40S",
                "ats.retention.purge-every", "1s");
    }
}
