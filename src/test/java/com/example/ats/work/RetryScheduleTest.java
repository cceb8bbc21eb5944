package com.example.ats.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant FAILED = Instant.parse("2026-03-29T00:30:00Z"); // the night the clocks go forward
    private static final List<Duration> STEPS =
            List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(2));

    @Test
    void theNthFailedAttemptWaitsTheNthStep() {
        RetrySchedule schedule = RetrySchedule.thenGiveUp(STEPS);
        assertThat(schedule.next(1, FAILED)).contains(FAILED.plusSeconds(5));
        assertThat(schedule.next(2, FAILED)).contains(FAILED.plusSeconds(300));
        assertThat(schedule.next(3, FAILED)).contains(FAILED.plusSeconds(7200));
    }

    @Test
    void aGivingUpScheduleAllowsOneAttemptMoreThanItHasStepsAndNotOneMore() {
        RetrySchedule schedule = RetrySchedule.thenGiveUp(STEPS);
        assertThat(schedule.next(4, FAILED)).isEmpty();
        assertThat(schedule.next(5, FAILED)).isEmpty();
        assertThat(schedule.attemptsAllowed()).contains(4);
    }

    @Test
    void aRepeatingScheduleWaitsTheLastStepForeverAfterItsSteps() {
        RetrySchedule schedule = RetrySchedule.thenRepeatLast(STEPS);
        assertThat(schedule.next(3, FAILED)).contains(FAILED.plusSeconds(7200));
        assertThat(schedule.next(4, FAILED)).contains(FAILED.plusSeconds(7200));
        assertThat(schedule.next(10_000, FAILED)).contains(FAILED.plusSeconds(7200));
        assertThat(schedule.attemptsAllowed()).isEmpty();
    }

    @Test
    void aSingleStepScheduleWorks() {
        assertThat(RetrySchedule.thenGiveUp(List.of(Duration.ofMinutes(1))).next(1, FAILED))
                .contains(FAILED.plusSeconds(60));
        assertThat(RetrySchedule.thenGiveUp(List.of(Duration.ofMinutes(1))).next(2, FAILED))
                .isEmpty();
    }

    @Test
    void noAttemptMeansNoRetryTime() {
        RetrySchedule schedule = RetrySchedule.thenRepeatLast(STEPS);
        assertThatThrownBy(() -> schedule.next(0, FAILED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.next(-1, FAILED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyOrNonPositiveScheduleIsRefused() {
        assertThatThrownBy(() -> RetrySchedule.thenGiveUp(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.thenGiveUp(List.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.thenRepeatLast(List.of(Duration.ofSeconds(1), Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStepsAreCopiedSoLaterChangesToTheListDoNotMoveTheSchedule() {
        java.util.ArrayList<Duration> steps = new java.util.ArrayList<>(STEPS);
        RetrySchedule schedule = RetrySchedule.thenGiveUp(steps);
        steps.set(0, Duration.ofDays(1));
        assertThat(schedule.next(1, FAILED)).contains(FAILED.plusSeconds(5));
    }

    @Test
    void itDescribesItselfForTheLog() {
        List<Duration> steps = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(RetrySchedule.thenGiveUp(steps)).hasToString("[PT1M, PT5M] then give up");
        assertThat(RetrySchedule.thenRepeatLast(steps)).hasToString("[PT1M, PT5M] then every PT5M");
    }
}
