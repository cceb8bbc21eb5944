package com.example.ats.applicant;

import com.example.ats.application.AccessTokens;
import com.example.ats.export.AddressesToConfirm;
import com.example.ats.mail.SignInLinkCheck;
import com.example.ats.shared.LinkTokens;
import com.example.ats.work.Jobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Single-use links mailed to an applicant: sign-in links, valid for minutes, and address links, which confirm a
 * changed e-mail address (the row names it; it takes effect when the link is used). A link's token is derived from
 * its id ({@link LinkTokens}), so it exists only in the mail; the row keeps its SHA-256, as for access codes and
 * consent links. A link of one kind is never taken for the other.
 */
@ApplicationScoped
public class SignInLinks implements SignInLinkCheck, AddressesToConfirm {

    private final LinkTokens tokens;
    private final SignInLinkRepository links;
    private final Jobs jobs;
    private final Clock clock;

    SignInLinks(LinkTokens tokens, SignInLinkRepository links, Jobs jobs, Clock clock) {
        this.tokens = tokens;
        this.links = links;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Used and expired links go: an address link not confirmed names an address that may be a stranger's, kept no
     * longer than its link works.
     */
    @Scheduled(
            identity = "mailed-links-housekeeping",
            every = "${ats.self.links-housekeeping-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetDeadLinks() {
        jobs.run(
                "mailed-links-housekeeping",
                () -> QuarkusTransaction.requiringNew().run(() -> links.deleteDead(clock.instant())));
    }

    /** A new link to the application, in the caller's transaction; used and expired links are removed first. */
    UUID create(UUID applicationId, Instant now, Instant validUntil) {
        links.deleteDead(now);
        UUID id = UUID.randomUUID();
        links.insert(id, applicationId, AccessTokens.hash(token(id)), now, validUntil);
        return id;
    }

    /** A link that confirms a new address, replacing one not used yet (one new address at a time). */
    UUID createAddressLink(UUID applicationId, String newEmail, Instant now, Instant validUntil) {
        links.deleteAddressLinks(applicationId);
        UUID id = create(applicationId, now, validUntil);
        links.setNewEmail(id, newEmail);
        return id;
    }

    /** An address waiting to be confirmed by its link. */
    record AddressLink(UUID applicationId, String newEmail) {}

    /** Uses an address link, once, while it is valid: the application and the address it confirms. */
    Optional<AddressLink> useAddressLink(String token, Instant now) {
        return addressLink(token, hash -> links.useAddressLink(hash, now));
    }

    /** The address link's application and address, without using it: none when unknown, used or expired. */
    Optional<AddressLink> peekAddressLink(String token, Instant now) {
        return addressLink(token, hash -> links.peekAddressLink(hash, now));
    }

    @Override
    public Optional<String> waitingFor(UUID applicationId) {
        return pendingAddress(applicationId, clock.instant());
    }

    /** The address waiting for confirmation, while its link is valid. */
    Optional<String> pendingAddress(UUID applicationId, Instant now) {
        return links.pendingAddress(applicationId, now);
    }

    /** Runs the query with the token's hash, when the token could be one. */
    private Optional<AddressLink> addressLink(
            String token, Function<byte[], Optional<SignInLinkRepository.LinkedAddress>> query) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return QuarkusTransaction.joiningExisting() // using one changes the address in that transaction
                .call(() -> query.apply(AccessTokens.hash(token.strip())))
                .map(link -> new AddressLink(link.applicationId(), link.newEmail()));
    }

    /** The sign-in links to the application not used yet stop working: its address was taken out of it. */
    void revokeFor(UUID applicationId) {
        links.deleteSignInLinks(applicationId);
    }

    /** Uses a link: the application it opens, once, while it is valid. */
    Optional<UUID> use(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> links.use(AccessTokens.hash(token.strip()), now));
    }

    /** The application a link would open, without using it: none when it is unknown, used or expired. */
    Optional<UUID> peek(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> links.peek(AccessTokens.hash(token.strip()), now));
    }

    @Override
    public Optional<String> tokenIfOpen(UUID linkId) {
        boolean open = QuarkusTransaction.requiringNew().call(() -> links.isOpen(linkId, clock.instant()));
        return open ? Optional.of(token(linkId)) : Optional.empty();
    }

    private String token(UUID linkId) {
        return tokens.token("ats-sign-in-link", linkId);
    }
}
