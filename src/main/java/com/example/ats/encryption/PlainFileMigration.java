package com.example.ats.encryption;

import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.ObjectStoreUnavailableException;
import com.example.ats.storage.ObjectsNotDeletedException;
import com.example.ats.work.Jobs;
import com.example.ats.work.RetrySchedule;
import com.example.ats.work.Work;
import com.example.ats.work.WorkQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the files stored before encryption (ADR 0030), one document at a time through the {@link WorkQueue}: read
 * the plaintext object, encrypt it under its application's key into a new object, read that back and check it
 * against the SHA-256 taken at intake, then point the document at it and, once reads that began before the switch
 * are over ({@code ats.encryption.plain-kept-for}), delete the plaintext one. A file that differs from its intake is
 * encrypted as it is stored (erasure must reach it too) and logged; its download still fails the integrity check. Each
 * step can be
 * cut off: a new object not yet pointed at is an orphan (rewritten at the retry, or swept), a plaintext object not
 * yet deleted is remembered on its document and deleted at the next round (and by the purge). Until a document is
 * done, downloads read it as it is.
 */
@ApplicationScoped
public class PlainFileMigration implements Work<PlainFileRepository.Plain, PlainFileMigration.Moved> {

    /** The plaintext object a document was read from, and the encrypted one written. */
    record Moved(String from, String to) {}

    private final PlainFileRepository documents;
    private final DataKeys keys;
    private final StoredFiles files;
    private final ObjectStore store;
    private final WorkQueue queue;
    private final Jobs jobs;
    private final EncryptionConfig config;
    private final Path scratch;
    private final Clock clock;
    private final Counter migrated;
    private final AtomicLong plain = new AtomicLong();

    PlainFileMigration(
            PlainFileRepository documents,
            DataKeys keys,
            StoredFiles files,
            ObjectStore store,
            WorkQueue queue,
            Jobs jobs,
            EncryptionConfig config,
            MeterRegistry registry,
            Clock clock,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String scratch) {
        this.documents = documents;
        this.keys = keys;
        this.files = files;
        this.store = store;
        this.queue = queue;
        this.jobs = jobs;
        this.config = config;
        this.scratch = Path.of(scratch);
        this.clock = clock;
        this.migrated = Counter.builder("ats.encryption.files.migrated")
                .description("Files stored in clear that the migration job encrypted")
                .register(registry);
        Gauge.builder("ats.encryption.files.plain", plain, AtomicLong::get)
                .description("Files still stored in clear (as of the migration job's last round)")
                .register(registry);
    }

    @Scheduled(
            identity = "plain-file-migration",
            every = "${ats.encryption.jobs-every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            jobs.run("plain-file-migration", this::migrate);
        } else {
            jobs.run(
                    "plain-file-migration",
                    () -> plain.set(QuarkusTransaction.requiringNew().call(documents::countPlain)));
        }
    }

    void warnWhenOff(@Observes StartupEvent start) {
        if (!config.enabled()) {
            Log.warn("Encryption of stored files is off (ATS_ENCRYPTION_ENABLED=false): new files are stored in clear"
                    + " until it is on again and the migration job has encrypted them (ADR 0030)");
        }
    }

    /** Encrypts every file stored in clear that is due, and deletes the plaintext objects; returns how many. */
    public int migrate() {
        int done = 0;
        while (true) {
            WorkQueue.Batch batch = queue.runBatch(this);
            done += batch.recorded();
            deleteLeftovers();
            if (batch.claimed() == 0 || batch.stopped()) {
                break;
            }
        }
        long left = QuarkusTransaction.requiringNew().call(documents::countPlain);
        plain.set(left);
        if (done > 0 || left > 0) {
            Log.infof("Encryption of files stored in clear: %d done in this round, %d left", done, left);
        }
        return done;
    }

    @Override
    public Kind kind() {
        return new Kind(
                PlainFileRepository.PLAIN,
                config.migrationLease(),
                config.migrationLease().dividedBy(2),
                RetrySchedule.thenRepeatLast(
                        List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1))),
                config.batch(),
                1);
    }

    @Override
    public Map<UUID, PlainFileRepository.Plain> load(List<UUID> ids) {
        return documents.load(ids);
    }

    @Override
    public Outcome<Moved> perform(PlainFileRepository.Plain document) {
        StoredFile plainFile = document.file();
        String target = ObjectKeys.encrypted(plainFile.applicationId(), plainFile.documentId());
        StoredFile encrypted = new StoredFile(plainFile.applicationId(), plainFile.documentId(), target, true);
        Path sealed = null;
        try {
            DataKey key = keys.ensure(plainFile.applicationId());
            if (store.exists(target) && readsBack(encrypted, document.size(), document.sha256())) {
                // written before a crash, or before a database restored without its switch: keep it
                return Outcome.done("ENCRYPTED", new Moved(plainFile.objectKey(), target));
            }
            Files.createDirectories(scratch);
            // named as the intake's local copies, so that the sweep of leftover copies takes it after a crash
            sealed = Files.createTempFile(scratch, "intake-encrypt-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = store.get(plainFile.objectKey());
                    OutputStream out = key.encrypting(Files.newOutputStream(sealed), plainFile.documentId())) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
            String read = HexFormat.of().formatHex(sha256.digest());
            boolean asReceived = size == document.size() && read.equalsIgnoreCase(document.sha256());
            if (!asReceived) {
                // encrypted all the same, so that erasure reaches it too; its download still fails the integrity check
                Log.errorf(
                        "Document %s stored in clear differs from its intake; encrypted as it is stored",
                        plainFile.documentId());
            }
            store.putFile(
                    target,
                    sealed,
                    "application/octet-stream",
                    Map.of("application-id", plainFile.applicationId().toString(), "kind", "encrypted"));
            if (!readsBack(encrypted, size, read)) {
                return Outcome.failed("READ_BACK_DIFFERS");
            }
            return Outcome.done(
                    asReceived ? "ENCRYPTED" : "ENCRYPTED_AS_STORED", new Moved(plainFile.objectKey(), target));
        } catch (ObjectStoreUnavailableException e) {
            Log.warn("Encrypting files stored in clear paused: the object store is unavailable");
            return Outcome.failedForAll("STORE_UNAVAILABLE");
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            Log.warnf(
                    "Document %s could not be encrypted now (%s); tried again later",
                    plainFile.documentId(), e.getClass().getSimpleName());
            return Outcome.failed("UNAVAILABLE");
        } finally {
            if (sealed != null) {
                try {
                    Files.deleteIfExists(sealed);
                } catch (IOException e) {
                    Log.warnf(
                            "Could not remove an encrypted scratch file: %s",
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    private boolean readsBack(StoredFile encrypted, long expectedSize, String expectedSha256)
            throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (InputStream in = files.open(encrypted)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        return size == expectedSize && HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(expectedSha256);
    }

    @Override
    public boolean record(WorkQueue.Claim claim, Outcome<Moved> outcome, Optional<Instant> retryAt) {
        if (!outcome.done()) {
            return false;
        }
        boolean switched = documents.encrypted(
                claim.id(),
                outcome.value().from(),
                outcome.value().to(),
                clock.instant().plus(config.plainKeptFor()));
        if (switched) {
            migrated.increment();
        }
        return switched;
    }

    /** Deletes the plaintext objects of documents that have read encrypted ones for long enough. */
    void deleteLeftovers() {
        while (true) {
            List<PlainFileRepository.Leftover> leftovers =
                    QuarkusTransaction.requiringNew().call(() -> documents.leftovers(config.batch(), clock.instant()));
            if (leftovers.isEmpty()) {
                return;
            }
            List<UUID> deleted = leftovers.stream()
                    .map(PlainFileRepository.Leftover::documentId)
                    .toList();
            try {
                store.delete(leftovers.stream()
                        .map(PlainFileRepository.Leftover::objectKey)
                        .toList());
            } catch (ObjectsNotDeletedException e) {
                Log.warnf(
                        "%d plaintext object(s) refused by the store; tried again next round",
                        e.keys().size());
                deleted = leftovers.stream()
                        .filter(leftover -> !e.keys().contains(leftover.objectKey()))
                        .map(PlainFileRepository.Leftover::documentId)
                        .toList();
                if (deleted.isEmpty()) {
                    return;
                }
            }
            List<UUID> done = deleted;
            QuarkusTransaction.requiringNew().run(() -> documents.deleted(done));
        }
    }
}
