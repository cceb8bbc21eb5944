package com.example.ats.shared;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Limits small enough to reach in a test: three intakes per client address and hour, three wrong applicant tokens per
 * address and hour, three receipts per e-mail address and day. One profile for every limit test, so Quarkus starts once for all of them; each test poses as
 * client addresses of its own (X-Forwarded-For), so their counts never meet.
 */
public class LowLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ats.intake.rate-limit-capacity", "3",
                "ats.intake.rate-limit-period", "PT1H",
                "ats.intake.public-read-limit-capacity", "5",
                "ats.self.failed-token-limit", "3",
                "ats.self.failed-token-period", "PT1H",
                "ats.mail.receipts-per-address", "3");
    }
}
