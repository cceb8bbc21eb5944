package com.example.ats.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URI;
import java.util.Map;

/**
 * The service with its object store and its SMTP server each behind a {@link CuttingProxy} to the real server (MinIO
 * or SeaweedFS, Mailpit), and no scheduled sending: the tests of outages cut one and heal it after. One profile for
 * both, so that they share one start of the service.
 */
public class FaultProxiesProfile implements QuarkusTestProfile {

    public static final CuttingProxy STORAGE = new CuttingProxy(
            URI.create(System.getenv().getOrDefault("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000")));

    public static final CuttingProxy MAIL =
            new CuttingProxy(URI.create("smtp://127.0.0.1:" + System.getenv().getOrDefault("ATS_MAIL_PORT", "51025")));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ats.storage.endpoint", STORAGE.endpoint(),
                "ats.mail.port", String.valueOf(MAIL.port()),
                "ats.mail.send-every", "off");
    }
}
