package com.example.ats.storage;

import java.util.Set;

/**
 * The store answered, but refused to delete these objects (a retention lock, a policy, a damaged object): not an
 * outage, so the rest of the work goes on and these are tried again later. Keys name ids only, never a person.
 */
public class ObjectsNotDeletedException extends RuntimeException {

    private final Set<String> keys;

    public ObjectsNotDeletedException(Set<String> keys, String codes) {
        super(keys.size() + " object(s) could not be deleted: " + codes);
        this.keys = Set.copyOf(keys);
    }

    public Set<String> keys() {
        return keys;
    }
}
