package com.example.ats.consent;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start when the current consent version has no wording: career sites would show nothing to agree to. */
@ApplicationScoped
class ConsentTextCheck {

    void check(@Observes StartupEvent start, ConsentTexts texts) {
        if (!texts.knows(texts.currentVersion())) {
            throw new IllegalStateException("ats.consent.current-version=" + texts.currentVersion()
                    + " has no wording: add ats.consent.texts.\"" + texts.currentVersion() + "\"");
        }
    }
}
