package com.example.ats.shared;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/** Says at start where the service connects (hosts only, never credentials), for whoever reads the first log lines. */
@ApplicationScoped
class StartupReport {

    void report(@Observes StartupEvent start, RequiredSettings settings) {
        Log.infof(
                "Database %s, identity provider %s",
                URI.create(settings.databaseUrl().substring("jdbc:".length())).getHost(), settings.oidcUrl());
    }
}
