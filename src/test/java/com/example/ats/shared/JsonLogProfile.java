package com.example.ats.shared;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Logs as production does (JSON, one object per line), into a file of its own. */
public class JsonLogProfile implements QuarkusTestProfile {

    static final String FILE = "target/ats-json-test.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.file.json.enabled", "true", "quarkus.log.file.path", FILE);
    }
}
