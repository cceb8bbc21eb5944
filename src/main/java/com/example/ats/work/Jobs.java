package com.example.ats.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way a scheduled job runs: a round that fails is logged by the exception's type only (its message may quote
 * personal data), counted in {@code ats.job.failures} by job, and left to the next tick.
 */
@ApplicationScoped
public class Jobs {

    private final MeterRegistry registry;

    Jobs(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one round of a job; {@code job} is a constant name, e.g. {@code mail-sending}. */
    public void run(String job, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            Counter.builder("ats.job.failures")
                    .tag("job", job)
                    .description("Rounds of a scheduled job that failed (retried on the next tick)")
                    .register(registry)
                    .increment();
            Log.warnf(
                    "Job %s failed, retried on the next tick: %s",
                    job, e.getClass().getSimpleName());
        }
    }
}
