package com.example.ats.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URI;
import java.util.Map;

/** The service with its object store behind a {@link CuttingProxy} to the real MinIO. */
public class StorageFaultProfile implements QuarkusTestProfile {

    public static final CuttingProxy PROXY = new CuttingProxy(
            URI.create(System.getenv().getOrDefault("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000")));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ats.storage.endpoint", PROXY.endpoint());
    }
}
