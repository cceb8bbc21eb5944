package com.example.ats.mail;

import com.example.ats.shared.Language;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Queues a mail in the transaction that causes it: the mail exists exactly when its cause does, and the worker
 * sends it later, with retries (ADR 0012). Nothing is queued when mail is switched off.
 */
@ApplicationScoped
public class MailOutbox {

    private final MailMessageRepository messages;
    private final MailConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final RateLimits limits;
    private final Counter receiptsDropped;

    MailOutbox(
            MailMessageRepository messages,
            MailConfig config,
            ObjectMapper json,
            Clock clock,
            RateLimits limits,
            MeterRegistry registry) {
        this.messages = messages;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
        this.receiptsDropped = Counter.builder("ats.mail.receipts.dropped")
                .description("Receipts not sent: their address had its receipts for the period")
                .register(registry);
    }

    /**
     * The receipt of a new application, to the address the applicant gave, in their language; not sent when that
     * address had its receipts for the period (anyone can apply with anyone's address: no flood in our name).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receipt(UUID applicationId, String recipient, Locale language) {
        if (config.enabled()
                && recipient != null
                && !limits.take(RateLimit.RECEIPTS_PER_RECIPIENT, mailbox(recipient))
                        .allowed()) {
            receiptsDropped.increment();
            return;
        }
        enqueue(MailKind.RECEIPT, "receipt:" + applicationId, applicationId, recipient, language);
    }

    /** The mailbox an address reaches, as the receipt limit counts it: {@code Anna+1@X.org} is {@code anna@x.org}. */
    public static String mailbox(String address) {
        String plain = address.strip().toLowerCase(Locale.ROOT);
        int at = plain.lastIndexOf('@');
        int tag = plain.indexOf('+');
        return at > 0 && tag > 0 && tag < at ? plain.substring(0, tag) + plain.substring(at) : plain;
    }

    /** The acknowledgement of a privacy request, with its due date, in the requester's language ("nl" or "en"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestAcknowledged(UUID requestId, String recipient, String language, Enum<?> type, Instant dueAt) {
        enqueue(
                MailKind.REQUEST_ACKNOWLEDGED,
                "request-acknowledged:" + requestId,
                null,
                recipient,
                locale(language),
                facts(Map.of("requestType", type.name(), "dueAt", dueAt.toString())));
    }

    /** The outcome of a privacy request, as its code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestClosed(UUID requestId, String recipient, String language, Enum<?> type, Enum<?> outcome) {
        enqueue(
                MailKind.REQUEST_CLOSED,
                "request-closed:" + requestId,
                null,
                recipient,
                locale(language),
                facts(Map.of("requestType", type.name(), "outcomeCode", outcome.name())));
    }

    /**
     * A question about the retention consent (a renewal, or a changed consent text) with its link; the facts hold the
     * question's id, from which the link's token is derived when the mail is sent (ADR 0013).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentQuestion(
            MailKind kind,
            UUID questionId,
            UUID applicationId,
            String recipient,
            Locale language,
            Map<String, String> dates) {
        var facts = new java.util.TreeMap<>(dates);
        facts.put("questionId", questionId.toString());
        enqueue(kind, kind.template() + ":" + questionId, applicationId, recipient, language, facts(facts));
    }

    /** The application's address was taken out of it: what is queued for it is not sent. Call in that transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addressRemoved(UUID applicationId) {
        messages.dropUnsent(applicationId);
    }

    /**
     * The application's address is another from now on: what is queued for the old one goes to the new one. Call in
     * that transaction, before telling the old address.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addressChangedTo(UUID applicationId, String newAddress) {
        messages.readdressUnsent(applicationId, newAddress);
    }

    /**
     * A sign-in link to the address the application holds; the facts hold the link's id, from which its token is
     * derived when the mail is sent, and until when it works.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signInLink(UUID linkId, UUID applicationId, String recipient, Locale language, Instant validUntil) {
        enqueue(
                MailKind.SIGN_IN_LINK,
                MailKind.SIGN_IN_LINK.template() + ":" + linkId,
                applicationId,
                recipient,
                language,
                facts(Map.of("linkId", linkId.toString(), "validUntil", validUntil.toString())));
    }

    /** The link that confirms a new address, to that address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addressConfirmation(
            UUID linkId, UUID applicationId, String recipient, Locale language, Instant validUntil) {
        enqueue(
                MailKind.ADDRESS_CONFIRMATION,
                MailKind.ADDRESS_CONFIRMATION.template() + ":" + linkId,
                applicationId,
                recipient,
                language,
                facts(Map.of("linkId", linkId.toString(), "validUntil", validUntil.toString())));
    }

    /** To the old address: the application's address is now another (named masked, "s***@example.org"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addressChanged(UUID applicationId, String recipient, Locale language, String maskedNewAddress) {
        enqueue(
                MailKind.ADDRESS_CHANGED,
                MailKind.ADDRESS_CHANGED.template() + ":" + UUID.randomUUID(),
                applicationId,
                recipient,
                language,
                facts(Map.of("newAddress", maskedNewAddress)));
    }

    private static Locale locale(String language) {
        return Language.of(language).locale();
    }

    private String facts(Map<String, String> codes) {
        try {
            return json.writeValueAsString(codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void enqueue(MailKind kind, String dedupKey, UUID applicationId, String recipient, Locale language) {
        enqueue(kind, dedupKey, applicationId, recipient, language, null);
    }

    private void enqueue(
            MailKind kind, String dedupKey, UUID applicationId, String recipient, Locale language, String facts) {
        if (!config.enabled() || recipient == null || recipient.isBlank()) {
            return;
        }
        MailMessage message = new MailMessage();
        message.id = UUID.randomUUID();
        message.dedupKey = dedupKey;
        message.kind = kind;
        message.applicationId = applicationId;
        message.recipient = recipient;
        message.language = Language.of(language).code();
        message.facts = facts;
        message.state = MailMessage.State.PENDING;
        message.createdAt = clock.instant();
        message.nextAttemptAt = message.createdAt;
        messages.persist(message);
    }
}
