package com.example.ats.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired (synchronously, in the deleting transaction) after applications were purged, erased or removed again by a
 * replay, so that other copies of their data can go in the same breath: "deletion reaches every copy".
 */
public record ApplicationsRemoved(List<UUID> applicationIds, Instant at) {}
