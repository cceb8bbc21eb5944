package com.example.ats.shared;

import io.smallrye.config.ConfigMapping;

/**
 * Settings of extensions that production cannot start without. Config mappings are validated together, before any
 * extension starts, so a missing one stops the start at once with a message naming every missing environment
 * variable (SRCFG00011 "Could not expand value ATS_DB_URL ..."), instead of the first extension's own complaint.
 * The storage and intake settings are checked the same way by their own mappings.
 */
@ConfigMapping(prefix = "ats.required")
public interface RequiredSettings {

    String databaseUrl();

    String databaseUsername();

    String databasePassword();

    String oidcUrl();

    /** The service's own Keycloak client, which asks a webhook owner's roles before each delivery. */
    String oidcClientSecret();
}
