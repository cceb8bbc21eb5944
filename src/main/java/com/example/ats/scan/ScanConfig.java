package com.example.ats.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Where clamd listens and how long the service waits for it (ADR 0015). */
@ConfigMapping(prefix = "ats.scan")
public interface ScanConfig {

    /**
     * Whether files are scanned. Off only for measuring what scanning costs: documents are then stored
     * {@code PENDING}, which staff cannot open.
     */
    @WithDefault("true")
    boolean enabled();

    String host();

    @WithDefault("3310")
    int port();

    @WithDefault("PT1S")
    Duration connectTimeout();

    /** What an intake waits for the scanner, for all its files together; past it the rest are stored PENDING. */
    @WithDefault("PT5S")
    Duration intakeBudget();

    /** What the scanning worker waits for the scan of one stored document. */
    @WithDefault("PT60S")
    Duration workerTimeout();

    /**
     * Waits after each failed attempt to scan a stored document (unreadable, or the scanner went mid-scan); after the
     * last step it is tried at that interval for as long as it takes (a document is never given up: staff cannot open
     * it until it is scanned).
     */
    @WithDefault("PT1M,PT10M,PT1H,PT6H")
    List<Duration> retrySchedule();

    /** How often the worker scans pending documents ("off" disables it). */
    @WithDefault("30s")
    String pendingEvery();
}
