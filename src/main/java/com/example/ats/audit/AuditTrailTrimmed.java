package com.example.ats.audit;

import java.time.Instant;

/**
 * Fired (synchronously) after the audit retention removed events older than {@code cutoff}: a record that must stay
 * in the trail while it holds (the retention policy in force) is written again by its owner.
 */
public record AuditTrailTrimmed(Instant cutoff) {}
