package com.example.ats.consentmail;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A newer consent text is current (2026-06; 2026-01 is still known, as career sites may show it a while), in a
 * database of its own: the questions asked here concern only this profile's applications.
 */
public class ConsentMailProfile implements QuarkusTestProfile {

    static final String NEW_VERSION = "2026-06";
    static final String NEW_TEXT = "Ik geef toestemming om mijn sollicitatiegegevens 12 maanden te bewaren, zodat ik"
            + " benaderd kan worden voor andere functies binnen de hele groep. Ik kan deze toestemming altijd intrekken.";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ats.consent.texts.\"2026-06\"", NEW_TEXT,
                "ats.consent.current-version", NEW_VERSION);
    }
}
