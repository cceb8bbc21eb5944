package com.example.ats.purge;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Points inside a purge batch where tests can make the process "die": between removing the objects and removing the
 * rows, the most delicate moment. Does nothing in the service.
 */
@ApplicationScoped
public class PurgeProbe {

    /** Called after the batch's objects are gone from the store, before its rows are deleted. */
    public void objectsRemoved(List<UUID> applicationIds) {}
}
