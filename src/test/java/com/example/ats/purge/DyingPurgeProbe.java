package com.example.ats.purge;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.UUID;

/** Makes the purge die, once, right after a batch's objects are gone and before its rows are deleted. */
@Alternative
@Priority(1)
@ApplicationScoped
public class DyingPurgeProbe extends PurgeProbe {

    /** Thrown where the process "dies". */
    static class Death extends RuntimeException {
        Death() {
            super("the purge dies between object and row deletion");
        }
    }

    private volatile boolean armed;

    void dieAtNextBatch() {
        armed = true;
    }

    @Override
    public void objectsRemoved(List<UUID> applicationIds) {
        if (armed) {
            armed = false;
            throw new Death();
        }
    }
}
