package com.example.ats.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The one row saying through which event sequence the outbox has been fanned out, and the lock of fanning out. */
@ApplicationScoped
public class DispatchPositionRepository {

    private final EntityManager entityManager;

    DispatchPositionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the fan-out lock for this transaction if no other replica holds it; whether it did. */
    boolean tryLockFanOut() {
        return (Boolean) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('webhook-fan-out'))")
                .getSingleResult();
    }

    /** The position, locked until the transaction ends; empty if the row went in a restore. */
    Optional<Long> lock() {
        @SuppressWarnings("unchecked")
        List<Number> position = entityManager
                .createNativeQuery("select dispatched_through from webhook_dispatch for update")
                .getResultList();
        return position.stream().findFirst().map(Number::longValue);
    }

    void moveTo(long seq) {
        entityManager
                .createNativeQuery("update webhook_dispatch set dispatched_through = :seq")
                .setParameter("seq", seq)
                .executeUpdate();
    }

    /**
     * The position, locked until the transaction ends, written again first if it went (a restore into emptied
     * tables): from the start, so that subscriptions get what they may have missed; duplicates are allowed, gaps are
     * not. Only when subscribing: a dispatcher that wrote it on its own could collide with a restore that is still
     * loading the tables.
     */
    long restoreAndLock() {
        entityManager
                .createNativeQuery(
                        "insert into webhook_dispatch (dispatched_through) values (0) on conflict do nothing")
                .executeUpdate();
        return ((Number) entityManager
                        .createNativeQuery("select dispatched_through from webhook_dispatch for update")
                        .getSingleResult())
                .longValue();
    }
}
