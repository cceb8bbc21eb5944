package com.example.ats.encryption;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of the applications' data keys (ADR 0030): made at intake, kept wrapped by the current key-encryption
 * key, unwrapped for each read, destroyed first at erasure and purge. Without its key an application's objects are
 * random bytes wherever a copy of them lives.
 */
@ApplicationScoped
public class DataKeys {

    private final DataKeyRepository repository;
    private final KeyEncryptionKeys keks;
    private final EncryptionConfig config;
    private final Clock clock;

    DataKeys(DataKeyRepository repository, KeyEncryptionKeys keks, EncryptionConfig config, Clock clock) {
        this.repository = repository;
        this.keks = keks;
        this.config = config;
        this.clock = clock;
    }

    /** A new key for an intake's files, not stored yet; empty when encryption is switched off. */
    public Optional<DataKey> forIntake(UUID applicationId) {
        return config.enabled() ? Optional.of(DataKey.generate(applicationId)) : Optional.empty();
    }

    /** Stores the key wrapped by the current key-encryption key; in the caller's transaction (the intake's). */
    public void keep(DataKey key) {
        if (!repository.insert(wrapped(key, keks.currentId()), clock.instant())) {
            throw new IllegalStateException("the application already has a data key");
        }
    }

    /**
     * The application's key, stored now (in a transaction of its own) if it never had one; for the migration. Throws
     * {@link KeyDestroyedException} when its key was destroyed: it is being deleted, and no new key is made for it.
     */
    DataKey ensure(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            repository.insertForClearFiles(wrapped(DataKey.generate(applicationId), keks.currentId()), clock.instant());
            return unwrap(repository.find(applicationId).orElseThrow(() -> new KeyDestroyedException(applicationId)));
        });
    }

    /**
     * The application's key, read in the caller's transaction or one of its own; throws {@link KeyDestroyedException}
     * when it has none (erased), {@link KeyUnavailableException} when its key-encryption key is not configured.
     */
    public DataKey of(UUID applicationId) {
        return unwrap(QuarkusTransaction.joiningExisting()
                .call(() -> repository.find(applicationId))
                .orElseThrow(() -> new KeyDestroyedException(applicationId)));
    }

    /** Destroys the keys of these applications, in the caller's transaction; returns those that had one. */
    public List<UUID> destroy(Collection<UUID> applicationIds) {
        return repository.delete(applicationIds);
    }

    /**
     * Moves up to {@code limit} keys wrapped by another configured key-encryption key to {@code kekId}, each only if
     * no one moved it meanwhile; in the caller's transaction. Returns how many were looked at and how many moved.
     */
    Rewrapped rewrap(String kekId, int limit) {
        List<String> others =
                keks.ids().stream().filter(id -> !id.equals(kekId)).toList();
        int moved = 0;
        int unusable = 0;
        List<DataKeyRepository.Wrapped> found = repository.wrappedByAnyOf(others, limit);
        for (DataKeyRepository.Wrapped read : found) {
            DataKey key;
            try {
                key = unwrap(read);
            } catch (IllegalStateException e) {
                unusable++; // a key-encryption key given with other bytes than it had: left as it is, and told
                continue;
            }
            if (repository.replace(read, wrapped(key, kekId))) {
                moved++;
            }
        }
        return new Rewrapped(found.size(), moved, unusable);
    }

    /** A round of the re-wrap: keys looked at, moved, and those that did not unwrap with their configured key. */
    record Rewrapped(int found, int moved, int unusable) {}

    /** How many data keys each key-encryption key wraps, by its id. */
    Map<String, Long> countByKek() {
        return QuarkusTransaction.requiringNew().call(repository::countByKek);
    }

    private DataKeyRepository.Wrapped wrapped(DataKey key, String kekId) {
        return new DataKeyRepository.Wrapped(
                key.applicationId(),
                kekId,
                key.wrap(keks.byId(kekId).orElseThrow(() -> new IllegalArgumentException("unknown key " + kekId))));
    }

    private DataKey unwrap(DataKeyRepository.Wrapped stored) {
        try {
            return DataKey.unwrap(
                    stored.applicationId(),
                    stored.wrapped(),
                    keks.byId(stored.kekId()).orElseThrow(() -> new KeyUnavailableException(stored.kekId())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data key of an application does not unwrap with its key-encryption"
                    + " key " + stored.kekId());
        }
    }
}
