package com.example.ats.shared;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A career site allowed to call the API from its pages and to frame the apply page. */
public class CorsProfile implements QuarkusTestProfile {

    public static final String CAREER_SITE = "https://careers.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.cors.enabled",
                "true",
                "quarkus.http.cors.origins",
                CAREER_SITE,
                "ats.web.frame-ancestors",
                CAREER_SITE);
    }
}
