package com.example.ats.intake;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys in PostgreSQL; the primary key makes two concurrent first requests collide. */
@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKey, String> {

    /** The key if it is still alive at {@code now}. */
    public Optional<IdempotencyKey> alive(String key, Instant now) {
        return find("key = ?1 and expiresAt > ?2", key, now).firstResultOptional();
    }

    /** Removes this key if it has expired; a live key (maybe just written by a concurrent request) stays. */
    public long deleteExpired(String key, Instant now) {
        return delete("key = ?1 and expiresAt <= ?2", key, now);
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
