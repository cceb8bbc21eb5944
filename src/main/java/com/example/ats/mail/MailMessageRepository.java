package com.example.ats.mail;

import com.example.ats.shared.SqlValues;
import com.example.ats.work.WorkTable;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MailMessageRepository implements PanacheRepositoryBase<MailMessage, UUID> {

    /** The outbox as the work queue sees it: pending mails, due when their next attempt is. */
    static final WorkTable OUTBOX = new WorkTable(
            "mail_message", "w.state = 'PENDING'", "w.next_attempt_at", "leased_until", "attempts", "next_attempt_at");

    public List<MailMessage> forApplication(UUID applicationId) {
        return find("applicationId = ?1 order by createdAt, id", applicationId).list();
    }

    /** Every mail of these applications, queued or sent: nothing about them is kept once they are gone. */
    public long deleteForApplications(Collection<UUID> applicationIds) {
        return delete("applicationId in ?1", applicationIds);
    }

    /** Drops the application's mails not sent yet, and their address: nothing more goes to it. */
    public int dropUnsent(UUID applicationId) {
        return update(
                "state = ?1, recipient = null where applicationId = ?2 and state = ?3",
                MailMessage.State.DROPPED,
                applicationId,
                MailMessage.State.PENDING);
    }

    /** Sends the application's mails not sent yet to its new address. */
    public int readdressUnsent(UUID applicationId, String newAddress) {
        return update(
                "recipient = ?1 where applicationId = ?2 and state = ?3 and recipient is not null",
                newAddress,
                applicationId,
                MailMessage.State.PENDING);
    }

    /** Whether the application exists (its mail log may be empty). */
    public boolean applicationExists(UUID applicationId) {
        return getEntityManager()
                                .createNativeQuery("select count(*) from application where id = :id")
                                .setParameter("id", applicationId)
                                .getSingleResult()
                        instanceof Number n
                && n.longValue() > 0;
    }

    /** How many mails are in this state. */
    public long countIn(MailMessage.State state) {
        return count("state", state);
    }

    /** When the oldest mail still waiting to be sent was queued. */
    public Optional<Instant> oldestUnsent() {
        Object oldest = getEntityManager()
                .createNativeQuery("select min(created_at) from mail_message where state = 'PENDING'")
                .getSingleResult();
        return Optional.ofNullable(oldest).map(SqlValues::instant);
    }
}
