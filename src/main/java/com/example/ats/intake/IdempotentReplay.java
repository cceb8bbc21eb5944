package com.example.ats.intake;

import com.example.ats.application.AccessTokens;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.document.DocumentRepository;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.ServerSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes a retried intake safe: remembers which application an {@code Idempotency-Key} created (with the request's
 * fingerprint) and answers a repeat of the same request with the first answer, token included: the token is derived
 * from the key, so it never has to be stored.
 */
@ApplicationScoped
public class IdempotentReplay {

    private final IntakeConfig config;
    private final ServerSecret secret;
    private final IdempotencyKeyRepository keys;
    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final RetentionConsentService retentionConsents;

    IdempotentReplay(
            IntakeConfig config,
            ServerSecret secret,
            IdempotencyKeyRepository keys,
            ApplicationRepository applications,
            DocumentRepository documents,
            RetentionConsentService retentionConsents) {
        this.config = config;
        this.secret = secret;
        this.keys = keys;
        this.applications = applications;
        this.documents = documents;
        this.retentionConsents = retentionConsents;
    }

    /**
     * A client's Idempotency-Key in the scope of the client that sent it: a stranger who guesses or reuses a key from
     * another address gets a new application, never someone else's answer. Only a hash of scope and key is stored.
     */
    public record ClientKey(String key, String scope) {

        /** The key as stored: SHA-256 (hex) of the scope and the key. */
        String stored() {
            return HexFormat.of().formatHex(AccessTokens.hash(scope + "\u0000" + key));
        }
    }

    /** The access token of a new application: derived from the key when there is one, random otherwise. */
    public String tokenFor(UUID applicationId, ClientKey clientKey, String fingerprint) {
        return clientKey == null
                ? AccessTokens.random()
                : AccessTokens.derived(secret, applicationId.toString(), clientKey.key(), fingerprint);
    }

    /**
     * The first answer to this key, when it is alive; 422 when it was used for another request, 409 when its
     * application is gone.
     */
    public Optional<ApplicationReceipt> find(ClientKey clientKey, String fingerprint, Instant now) {
        return QuarkusTransaction.requiringNew()
                .call(() -> keys.alive(clientKey.stored(), now).map(key -> {
                    if (!key.requestSha256.equals(fingerprint)) {
                        throw new ApiException(
                                ProblemType.VALIDATION_FAILED,
                                "This Idempotency-Key was used for a different request; use a new key for a new"
                                        + " application");
                    }
                    Application application = applications
                            .findByIdOptional(key.applicationId)
                            .orElseThrow(() -> new ApiException(
                                    ProblemType.CONFLICT,
                                    "The application created with this Idempotency-Key no longer exists"));
                    boolean granted = retentionConsents.state(application).granted();
                    return ApplicationReceipt.of(
                            application,
                            documents.forApplication(application.id),
                            granted,
                            tokenFor(application.id, clientKey, fingerprint));
                }));
    }

    /** Remembers the key for the application; call in the transaction that records it. */
    void remember(ClientKey clientKey, String fingerprint, UUID applicationId, Instant now) {
        keys.deleteExpired(clientKey.stored(), now); // an expired one may still be there
        IdempotencyKey key = new IdempotencyKey();
        key.key = clientKey.stored();
        key.requestSha256 = fingerprint;
        key.applicationId = applicationId;
        key.createdAt = now;
        key.expiresAt = now.plus(config.idempotencyKeyLifetime());
        keys.persist(key);
    }
}
