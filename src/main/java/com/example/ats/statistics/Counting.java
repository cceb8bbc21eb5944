package com.example.ats.statistics;

import com.example.ats.application.ApplicationStatus;
import com.example.ats.event.EventTally;
import com.example.ats.event.EventType;
import com.example.ats.statistics.Increment.ApplicationCount;
import com.example.ats.statistics.Increment.ApplicationDuration;
import com.example.ats.statistics.Increment.RequestCount;
import com.example.ats.statistics.Increment.RequestDuration;
import com.example.ats.statistics.StatisticsRepository.ApplicationFacts;
import com.example.ats.statistics.StatisticsRepository.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Counts the recruitment statistics from the outbox's events, in the transaction of the change they tell about (ADR
 * 0029): an application received, each status reached, consent given or withdrawn later, an erasure or a purge, a
 * privacy request registered and closed. What an event is counted under (vacancy, month, channel; a request's month and
 * due date) is read when it is recorded, while the application or request is still there.
 */
@ApplicationScoped
public class Counting implements EventTally {

    private final StatisticsRepository statistics;

    Counting(StatisticsRepository statistics) {
        this.statistics = statistics;
    }

    @Override
    public List<?> recorded(EventType type, UUID subjectId, Map<String, Object> data, Instant at) {
        return switch (type) {
            case APPLICATION_RECEIVED ->
                application(
                        subjectId,
                        facts -> List.of(
                                count(facts, Measure.RECEIVED),
                                count(
                                        facts,
                                        "GRANTED".equals(data.get("retentionConsent"))
                                                ? Measure.CONSENT_GIVEN
                                                : Measure.CONSENT_REFUSED)));
            case APPLICATION_STATUS_CHANGED -> application(subjectId, facts -> reached(facts, data, at));
            case APPLICATION_CONSENT_CHANGED ->
                switch (String.valueOf(data.get("retentionConsent"))) {
                    case "GRANTED" -> firstOfItsKind(subjectId, "GRANTED", Measure.CONSENT_GIVEN_LATER);
                    case "WITHDRAWN" -> firstOfItsKind(subjectId, "WITHDRAWN", Measure.CONSENT_WITHDRAWN);
                    default -> List.of();
                };
            case APPLICATION_ERASED -> application(subjectId, facts -> List.of(count(facts, Measure.ERASED)));
            case APPLICATION_PURGED -> application(subjectId, facts -> List.of(count(facts, Measure.PURGED)));
            case PRIVACY_REQUEST_REGISTERED ->
                request(
                        subjectId,
                        facts -> List.of(new RequestCount(
                                Periods.month(facts.receivedAt()),
                                (String) data.get("requestType"),
                                RequestMeasure.REGISTERED)));
            case PRIVACY_REQUEST_CLOSED -> request(subjectId, facts -> closed(facts, data, at));
            default -> List.of();
        };
    }

    @Override
    public void write(List<Object> added) {
        statistics.add(added.stream().map(Increment.class::cast).toList());
    }

    private List<Increment> reached(ApplicationFacts facts, Map<String, Object> data, Instant at) {
        ApplicationStatus from = ApplicationStatus.valueOf((String) data.get("from"));
        ApplicationStatus to = ApplicationStatus.valueOf((String) data.get("to"));
        Duration took = Duration.between(facts.appliedAt(), at);
        List<Increment> added = new ArrayList<>();
        added.add(count(facts, Measure.reached(to)));
        added.add(duration(facts, Milestone.of(to), took));
        if (from == ApplicationStatus.RECEIVED) { // the pipeline never goes back: leaving RECEIVED is the first answer
            added.add(duration(facts, Milestone.FIRST_RESPONSE, took));
        }
        return added;
    }

    private static List<Increment> closed(RequestFacts facts, Map<String, Object> data, Instant at) {
        Instant closedAt = facts.closedAt() != null ? facts.closedAt() : at;
        LocalDate month = Periods.month(facts.receivedAt());
        String type = (String) data.get("requestType");
        RequestMeasure answered =
                closedAt.isAfter(facts.dueAt()) ? RequestMeasure.CLOSED_LATE : RequestMeasure.CLOSED_ON_TIME;
        return List.of(
                new RequestCount(month, type, answered),
                new RequestCount(month, type, RequestMeasure.valueOf("OUTCOME_" + data.get("outcomeCode"))),
                new RequestDuration(month, type, Periods.bucket(Duration.between(facts.receivedAt(), closedAt))));
    }

    /** A later consent counts people, not events: an applicant who changes their mind five times counts once. */
    private List<Increment> firstOfItsKind(UUID applicationId, String action, Measure measure) {
        if (statistics.laterConsents(applicationId, action) != 1) {
            return List.of();
        }
        return application(applicationId, facts -> List.of(count(facts, measure)));
    }

    private List<Increment> application(UUID id, Function<ApplicationFacts, List<Increment>> counted) {
        // an application no longer there (a replay that finds only its purge record) is not counted again
        return statistics.application(id).map(counted).orElse(List.of());
    }

    private List<Increment> request(UUID id, Function<RequestFacts, List<Increment>> counted) {
        return statistics.request(id).map(counted).orElse(List.of());
    }

    private static ApplicationCount count(ApplicationFacts facts, Measure measure) {
        return new ApplicationCount(facts.vacancyId(), Periods.month(facts.appliedAt()), facts.channel(), measure);
    }

    private static ApplicationDuration duration(ApplicationFacts facts, Milestone milestone, Duration took) {
        return new ApplicationDuration(
                facts.vacancyId(), Periods.month(facts.appliedAt()), milestone, Periods.bucket(took));
    }
}
