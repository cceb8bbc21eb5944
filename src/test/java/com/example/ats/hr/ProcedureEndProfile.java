package com.example.ats.hr;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The regulator's reading: the 28 days without consent start when the application leaves the open pipeline. */
public class ProcedureEndProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ats.retention.clock-start", "PROCEDURE_END");
    }
}
