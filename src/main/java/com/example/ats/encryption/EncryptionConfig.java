package com.example.ats.encryption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How the service encrypts the files it stores (ADR 0030). */
@ConfigMapping(prefix = "ats.encryption")
public interface EncryptionConfig {

    /**
     * Whether new files are encrypted with their application's key before they go to the store. Off only to measure
     * what encryption costs (bench/run): files stored meanwhile stay in clear until the migration job encrypts them.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The key-encryption keys, each {@code id:base64} of 32 random bytes (e.g. {@code 2026-12:$(head -c 32
     * /dev/urandom | base64)}), comma-separated; the first wraps new data keys, the others are still read (rotation).
     * From {@code ATS_KEY_ENCRYPTION_KEYS}; the service does not start without one.
     */
    @UsableKeys
    List<String> keyEncryptionKeys();

    /** How often the jobs that encrypt files stored in clear and re-wrap data keys under the first key run. */
    @WithDefault("1m")
    String jobsEvery();

    /** Documents encrypted, or data keys re-wrapped, per round of the jobs. */
    @WithDefault("50")
    int batch();

    /** How long the migration job may hold one document before another replica may take it over. */
    @WithDefault("PT5M")
    Duration migrationLease();

    /**
     * How long the migration job keeps a file's plaintext object after pointing its document at the encrypted one: a
     * download or an export that read the document before the switch still streams the plaintext it was told of.
     */
    @WithDefault("PT1H")
    Duration plainKeptFor();
}
