package com.example.ats.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * When an application's data must be gone. Pure: no I/O, time from the given {@link Clock}.
 *
 * <ul>
 *   <li>Baseline (no consent, or consent refused): {@code start + withoutConsent}, where start is the application
 *       date ({@link ClockStart#APPLICATION_DATE}) or the moment the application left the open pipeline
 *       ({@link ClockStart#PROCEDURE_END}; while it is still open there is no expiry yet).
 *   <li>Latest event a grant: {@code grantedAt + withConsent}, never before the baseline. Granting again starts a
 *       new period from the new grant, or, for a renewal, from the end of the
 *       period it extends.
 *   <li>Latest event a withdrawal: {@code max(now, baseline)}: kept no longer than without consent, and purged at
 *       the next run when that date has passed; no expiry while the baseline has none (an open application under
 *       PROCEDURE_END), so a withdrawal never deletes an application earlier than refusing would have.
 * </ul>
 *
 * Calendar amounts ({@code P28D}, {@code P12M}) are added in the configured zone (Europe/Amsterdam by default);
 * see {@link RetentionAmount#after} for month ends, leap days and DST.
 */
public final class RetentionPolicy {

    private final RetentionAmount withoutConsent;
    private final RetentionAmount withConsent;
    private final ZoneId zone;
    private final ClockStart clockStart;
    private final Clock clock;

    public RetentionPolicy(
            RetentionAmount withoutConsent,
            RetentionAmount withConsent,
            ZoneId zone,
            ClockStart clockStart,
            Clock clock) {
        this.withoutConsent = withoutConsent;
        this.withConsent = withConsent;
        this.zone = zone;
        this.clockStart = clockStart;
        this.clock = clock;
    }

    /**
     * The expiry of an application, or empty while it has none yet (PROCEDURE_END and still in the pipeline).
     *
     * @param procedureEndedAt when the application left the open pipeline, or null while it is open
     * @param consentHistory the retention-consent events, in the order they were recorded
     */
    public Optional<Instant> expiresAt(Instant appliedAt, Instant procedureEndedAt, List<ConsentFact> consentHistory) {
        Optional<Instant> baseline = baseline(appliedAt, procedureEndedAt);
        Optional<ConsentFact> latest = LatestConsent.of(consentHistory, ConsentFact::at);
        if (latest.isEmpty() || latest.get().kind() == ConsentFact.Kind.REFUSED) {
            return baseline;
        }
        ConsentFact last = latest.get();
        if (last.kind() == ConsentFact.Kind.GRANTED) {
            Instant from =
                    last.periodStartsAt() != null && last.periodStartsAt().isAfter(last.at())
                            ? last.periodStartsAt()
                            : last.at();
            Instant kept = withConsent.after(from, zone);
            return Optional.of(baseline.filter(b -> b.isAfter(kept)).orElse(kept));
        }
        // Withdrawn: back to the no-consent rule. While that rule has no date yet (PROCEDURE_END, still open), neither
        // has the application: a withdrawal never makes an open application due at once.
        Instant now = clock.instant();
        return baseline.map(b -> b.isAfter(now) ? b : now);
    }

    /** Until when a renewal given now keeps an application whose consented period ends at {@code periodEnd}. */
    public Instant renewedUntil(Instant periodEnd) {
        return withConsent.after(periodEnd, zone);
    }

    /** The period an application is kept without consent, e.g. {@code P28D}. */
    public RetentionAmount withoutConsent() {
        return withoutConsent;
    }

    /** The period a consent keeps an application, e.g. {@code P12M}. */
    public RetentionAmount withConsent() {
        return withConsent;
    }

    private Optional<Instant> baseline(Instant appliedAt, Instant procedureEndedAt) {
        Instant start = clockStart == ClockStart.APPLICATION_DATE ? appliedAt : procedureEndedAt;
        return Optional.ofNullable(start).map(s -> withoutConsent.after(s, zone));
    }

    /** Names the rules, so every application records which policy computed its expiry. */
    public String version() {
        return "without=" + withoutConsent + ";with=" + withConsent + ";zone=" + zone + ";start=" + clockStart;
    }
}
