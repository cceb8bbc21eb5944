package com.example.ats.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the bucket answers and the store passed the start-up checks: without it no application can be
 * taken in or read.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore store;

    ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.ping();
            return HealthCheckResponse.up("object-store");
        } catch (ObjectStoreUnavailableException e) {
            return HealthCheckResponse.named("object-store").down().build();
        } catch (RuntimeException e) {
            // After a start without the store: it answers now but cannot keep the promises (StorePromises). The
            // detail goes to the log, not to whoever can read the health endpoint.
            return HealthCheckResponse.named("object-store")
                    .down()
                    .withData("reason", "the object store cannot keep the service's promises; the log says which")
                    .build();
        }
    }
}
