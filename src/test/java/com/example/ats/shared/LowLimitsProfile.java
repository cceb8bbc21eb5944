package com.example.ats.shared;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The settings a production deployment narrows, narrowed: limits small enough to reach in a test (three intakes per
 * client address and hour, three wrong applicant tokens per address and hour, three receipts per e-mail address and
 * day), and one career site allowed to call the API from its pages and to frame the apply page (CORS). One profile
 * for all of their tests, so Quarkus starts once for them; each test poses as client addresses of its own
 * (X-Forwarded-For), so their counts never meet.
 */
public class LowLimitsProfile implements QuarkusTestProfile {

    public static final String CAREER_SITE = "https://careers.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ats.intake.rate-limit-capacity", "3",
                "ats.intake.rate-limit-period", "PT1H",
                "ats.intake.public-read-limit-capacity", "5",
                "ats.self.failed-token-limit", "3",
                "ats.self.failed-token-period", "PT1H",
                "ats.mail.receipts-per-address", "3",
                "quarkus.http.cors.enabled", "true",
                "quarkus.http.cors.origins", CAREER_SITE,
                "ats.web.frame-ancestors", CAREER_SITE);
    }
}
