package com.example.ats.intake;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and housekeeping of the public intake endpoint. */
@ConfigMapping(prefix = "ats.intake")
public interface IntakeConfig {

    /** Largest accepted file per part (CV, motivation letter). */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /**
     * Intakes that may be receiving at once in this replica: each holds a worker thread while its body arrives, so
     * slow senders must not take them all. Past it an intake waits for a slot ({@link #uploadSlotWait}).
     */
    @WithDefault("32")
    int maxConcurrentUploads();

    /**
     * How long an intake beyond the receiving slots waits for one before it is refused with 503 and Retry-After: a
     * burst of applicants is answered, not refused, while the slots turn over.
     */
    @WithDefault("PT10S")
    Duration uploadSlotWait();

    /**
     * Intakes that may wait for a slot at once (each waits on a worker thread), at most one per client address; past
     * it an intake is refused at once.
     */
    @WithDefault("64")
    int maxWaitingUploads();

    /** The longest an intake may take to send its body; well below the orphan grace, so no file of it is swept. */
    @WithDefault("PT5M")
    Duration uploadDeadline();

    /** Intakes one client address may be sending at once; past it 429, so a few clients cannot hold every slot. */
    @WithDefault("4")
    int maxConcurrentUploadsPerClient();

    /** The slowest a body may arrive, averaged from its start once the grace has passed; slower ones are cut off. */
    @WithDefault("4K")
    MemorySize minUploadRate();

    @WithDefault("PT10S")
    Duration minUploadRateGrace();

    /** Applicants younger than this on the application date need a parent's or guardian's consent. */
    @WithDefault("16")
    int parentalConsentBelowAge();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("PT24H")
    Duration idempotencyKeyLifetime();

    /** Objects that no row references are removed once they are older than this. */
    @WithDefault("PT1H")
    Duration orphanGrace();

    /** Requests per client address: the bucket's size. */
    @WithDefault("20")
    long rateLimitCapacity();

    /** ... refilled completely over this period. */
    @WithDefault("PT1M")
    Duration rateLimitPeriod();

    /** Reads of the public job board per client address and period (the same period). */
    @WithDefault("300")
    long publicReadLimitCapacity();

    /** How often the orphan sweep and the removal of expired idempotency keys run ("off" disables them). */
    @WithDefault("1h")
    String housekeepingEvery();
}
