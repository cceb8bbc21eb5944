package com.example.ats.mail;

import com.example.ats.intake.CuttingProxy;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URI;
import java.util.Map;

/** The service with its SMTP server behind a {@link CuttingProxy} to the real Mailpit, and no scheduled sending. */
public class MailFaultProfile implements QuarkusTestProfile {

    public static final CuttingProxy PROXY =
            new CuttingProxy(URI.create("smtp://127.0.0.1:" + System.getenv().getOrDefault("ATS_MAIL_PORT", "51025")));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ats.mail.port", String.valueOf(PROXY.port()), "ats.mail.send-every", "off");
    }
}
